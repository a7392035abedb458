package dev.cuecard.cli;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cuecard loadgen} against a real server over loopback, a handful of sessions for a few
 * seconds: what it reports when every socket opens, and why when the server's limits refuse some.
 */
@ExtendWith(VertxExtension.class)
class LoadGenTest {
  @TempDir
  Path dir;

  @Test
  void replaysInterviewsInEverySessionWithAPartnerAndReportsTheirCues(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      ReplayTest.Run r = ReplayTest.main("loadgen", "--server", server.base(), "--sessions", "4", "--partner",
          "--duration", "6", "--ramp", "0", "--warmup", "0");
      assertEquals(0, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("4 requested, 4 connected at peak, 0 connect failures\n"), r.out());
      assertTrue(r.out().contains("errors          none"), r.out());
      assertFalse(r.out().contains("limits  "), r.out());
      // every session's interviewer asks a card's own wording within its first 2 s, through the partner socket
      assertTrue(count(r.out(), "cues\\s+(\\d+)") >= 4, r.out());
      assertTrue(count(r.out(), "acks (\\d+)") >= 4, r.out());
    }
  }

  @Test
  void namesTheServersLimitWhenItRefusesSockets(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, TestServer.builder(dir.resolve("data"))
        .set(ConfigKey.LIMITS_SOCKETS_PER_USER, 3).build())) {
      ReplayTest.Run r = ReplayTest.main("loadgen", "--server", server.base(), "--sessions", "5",
          "--duration", "3", "--ramp", "0", "--warmup", "0");
      assertEquals(1, r.code(), "refused sockets are a failed run: " + r.out() + r.err());
      assertTrue(r.out().contains("5 requested, 3 connected at peak, 2 connect failures {HTTP 429=2}"), r.out());
      assertTrue(r.out().contains("start it with --limits.socketsPerUser=20"), r.out());
    }
  }

  private static long count(String out, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(out);
    assertTrue(m.find(), "no '" + pattern + "' in " + out);
    return Long.parseLong(m.group(1));
  }
}

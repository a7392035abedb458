package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.Tmpfs;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data directory on a real, small filesystem that fills up: nothing unstored is acked or
 * echoed, everything re-sent once there is room again is stored, and /health and the API say
 * what is wrong meanwhile.
 */
@ExtendWith(VertxExtension.class)
class FullDiskTest {
  private static final int FIRST_FULL_SEQ = 6;
  private static final int LAST_FULL_SEQ = 85;

  @TempDir
  Path dir;

  @Test
  void nothingIsAckedWhileTheDiskIsFullAndEverythingResentAfterwardsIsStored(Vertx vertx) throws Exception {
    TestStore.assumeSqlite("the data directory on a small local filesystem");
    try (Tmpfs disk = Tmpfs.mount(dir, 2048)) {
      TestServer server = TestServer.start(vertx, TestServer.builder(dir)
          .set(ConfigKey.WS_RATE_PER_SECOND, 1000).set(ConfigKey.WS_RATE_BURST, 1000).build());
      try (server) {
        String token = server.newUser();
        String session = server.newSession(token);
        try (WsClient ws = WsClient.connect(server, token, session)) {
          for (long seq = 1; seq < FIRST_FULL_SEQ; seq++) {
            ws.snippet("candidate", text(seq), true, seq);
            assertFalse(ws.next("ack").getBoolean("duplicate"));
          }

          Path filler = disk.fill();
          for (long seq = FIRST_FULL_SEQ; seq <= LAST_FULL_SEQ; seq++) {
            ws.snippet("candidate", text(seq), true, seq);
          }
          Map<Long, String> replies = ws.replies(LAST_FULL_SEQ - FIRST_FULL_SEQ + 1);
          Set<Long> ackedWhileFull = new HashSet<>();
          replies.forEach((seq, kind) -> {
            if ("ack".equals(kind)) {
              ackedWhileFull.add(seq);
            } else {
              assertEquals("store_failed", kind, "seq " + seq);
            }
          });
          assertTrue(ackedWhileFull.size() < 10, "the disk was full for nearly all of them: " + ackedWhileFull);
          JsonObject failure = ws.seen("error").stream().filter(e -> "store_failed".equals(e.getString("code")))
              .findFirst().orElseThrow();
          assertTrue(failure.getString("message").contains("disk full"), failure.encode());
          ws.seen("transcript").stream().filter(m -> m.getBoolean("final") && m.getLong("seq") >= FIRST_FULL_SEQ)
              .forEach(m -> assertTrue(ackedWhileFull.contains(m.getLong("seq")), "echoed but not stored: " + m));

          JsonObject health = server.call("GET", "/health", null, (String) null).json();
          assertEquals("degraded", health.getString("status"), health.encode());
          assertTrue(health.getString("storeError").contains("disk full"), health.encode());
          TestServer.Response register = server.call("POST", "/api/auth/register", null,
              new JsonObject().put("username", "late-comer").put("password", "correct horse battery"));
          assertEquals(503, register.status(), register.body());
          assertEquals("store_unavailable", register.error());
          assertTrue(register.json().getString("message").contains("disk full"), register.body());

          Files.delete(filler);
          for (long seq = FIRST_FULL_SEQ; seq <= LAST_FULL_SEQ; seq++) {
            ws.snippet("candidate", text(seq), true, seq);
          }
          int acks = 0;
          int duplicates = 0;
          while (acks < LAST_FULL_SEQ - FIRST_FULL_SEQ + 1) {
            JsonObject ack = ws.next("ack");
            assertEquals(ackedWhileFull.contains(ack.getLong("seq")), ack.getBoolean("duplicate"), ack.encode());
            duplicates += ack.getBoolean("duplicate") ? 1 : 0;
            acks++;
          }
          assertEquals(ackedWhileFull.size(), duplicates, "a duplicate ack only for what was stored before");
        }
        assertEquals("up", server.call("GET", "/health", null, (String) null).json().getString("status"),
            "writes go through again");
        server.restart();
        Map<Long, String> stored = server.storedUtterances(token, session);
        assertEquals(LAST_FULL_SEQ, stored.size());
        for (long seq = 1; seq <= LAST_FULL_SEQ; seq++) {
          assertEquals(text(seq), stored.get(seq));
        }
      }
    }
  }

  /** About 1 KB per snippet, so the write-ahead log must grow for each one. */
  private static String text(long seq) {
    return ("answer part " + seq + " ").repeat(60).trim();
  }
}

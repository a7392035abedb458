package dev.cuecard.cli;

import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay command against a real server over a real WebSocket. */
@ExtendWith(VertxExtension.class)
class ReplayTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
  }

  static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void replaysTheExampleInterviewAndPrintsEachCue(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      Path example = Path.of("docs/examples/mock-interview.txt");
      Run r = main("replay", example.toString(), "--server", server.base(), "--user", "replayer",
          "--password", "replay password", "--register", "--interim");
      assertEquals(0, r.code(), r.out() + r.err());
      List<String> cues = r.out().lines().filter(l -> l.startsWith("CUE ")).toList();
      assertEquals(3, cues.size(), r.out());
      assertTrue(cues.get(0).contains("orm-select-vs-prefetch"), r.out());
      assertTrue(cues.get(1).contains("beh-conflict"), r.out());
      assertTrue(cues.get(2).contains("design-celery"), r.out());
      // "how would you spot an n plus one problem" is shown inside the ORM card, not as a card of its own
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FOLLOW-UP on orm-select-vs-prefetch")), r.out());
      assertTrue(r.out().contains("10 lines replayed, 3 cue cards, 1 follow-ups"), r.out());

      // the same account again, into the session it created: every line is already stored
      String session = r.out().lines().filter(l -> l.startsWith("session ")).findFirst().orElseThrow().substring(8);
      Run again = main("replay", example.toString(), "--server", server.base(), "--user", "replayer",
          "--password", "replay password", "--session", session);
      assertEquals(0, again.code(), again.out() + again.err());
      assertTrue(again.out().contains("0 cue cards"), "nothing new to cue: " + again.out());
    }
  }

  @Test
  void badFilesAndCredentialsAreReported(Vertx vertx) throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "INTERVIEWER: hello\nNARRATOR: once upon a time\n");
    Run r = main("replay", bad.toString(), "--user", "u", "--password", "p");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("line 2: expected 'INTERVIEWER: text' or 'CANDIDATE: text'"), r.err());

    try (TestServer server = TestServer.start(vertx, dir.resolve("data"))) {
      Path ok = dir.resolve("ok.txt");
      Files.writeString(ok, "INTERVIEWER: what is a decorator\n");
      Run denied = main("replay", ok.toString(), "--server", server.base(), "--user", "ghost", "--password", "nope1234");
      assertEquals(1, denied.code());
      assertTrue(denied.err().contains("login failed (401)"), denied.err());
    }
    assertEquals(2, main("replay").code());
    assertEquals(2, main("frobnicate").code());
    assertTrue(main("help").out().contains("Usage"));
    assertThrows(Main.UsageException.class, () -> Replay.run(List.of("a", "b"), System.out, System.err));
  }
}

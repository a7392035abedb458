package dev.cuecard.fuzz;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.protocol.ErrorCode;
import dev.cuecard.support.RawWebSocket;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000+ mutated and random frames on several sockets of a live server while a well-behaved
 * session runs a scripted interview: every bad frame gets a documented error (or, for invalid
 * UTF-8, the documented close), no socket is dropped otherwise, no event loop blocks (the
 * blocked-thread check fails the run), and the interview's cues and transcript are exactly those
 * of the same interview on a server nobody fuzzed. The seed is printed on failure;
 * -Dcuecard.fuzz.seed=N repeats a run.
 */
@ExtendWith(VertxExtension.class)
class ProtocolFuzzTest {
  static final int SOCKETS = 4;
  static final int FRAMES_PER_SOCKET = 2_600;
  static final String[][] INTERVIEW = {
      {"interviewer", "thanks for coming in, what is a python decorator"},
      {"candidate", "a decorator is a function that wraps another function to add behaviour"},
      {"candidate", "for example a login required check on a django view, and functools wraps keeps the name"},
      {"interviewer", "how does django select related differ from prefetch related"},
      {"candidate", "select related follows a foreign key with a sql join in one query"},
      {"candidate", "prefetch related runs a second query and joins in python, good for many to many"},
      {"interviewer", "tell me about a time you disagreed with a teammate"},
      {"candidate", "in my last job we disagreed about caching, I listened, we measured, and we shipped the simpler fix"},
      {"interviewer", "what happens when you run a database migration on a big table"},
      {"candidate", "it can lock the table so I would add the column without a default first"},
  };
  static final Set<String> DOCUMENTED = Arrays.stream(ErrorCode.values()).map(ErrorCode::wire)
      .collect(Collectors.toSet());

  @TempDir
  Path dir;

  private static TestServer start(Vertx vertx, Path data) {
    return TestServer.start(vertx, TestServer.builder(data)
        .set(ConfigKey.WS_RATE_PER_SECOND, 100_000).set(ConfigKey.WS_RATE_BURST, 100_000).build());
  }

  /** The interview's observable result: cue card ids as pushed, then the stored transcript in order. */
  static List<String> interview(TestServer server) {
    String token = server.newUser();
    String session = server.newSession(token);
    List<String> seen = new ArrayList<>();
    try (WsClient ws = WsClient.connect(server, token, session)) {
      long seq = 1;
      for (String[] line : INTERVIEW) {
        long s = seq++;
        ws.snippet(line[0], line[1], true, s);
        boolean acked = false;
        List<String> cues = new ArrayList<>();
        for (int tries = 0; tries < 50 && (!acked || line[0].equals("interviewer") && cues.isEmpty()); tries++) {
          for (JsonObject m : ws.sync()) {
            acked |= "ack".equals(m.getString("type")) && m.getLong("seq") == s;
            if ("cue".equals(m.getString("type"))) {
              cues.add("cue " + m.getJsonObject("card").getString("id"));
            }
          }
        }
        seen.addAll(cues);
      }
    }
    JsonObject t = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    t.getJsonArray("items").stream().map(JsonObject.class::cast).forEach(i -> seen.add(i.getString("kind") + " "
        + (i.getString("kind").equals("cue") ? i.getString("cardId") : i.getString("speaker") + ": " + i.getString("text"))));
    return seen;
  }

  @Test
  void fuzzedFramesGetDocumentedErrorsAndDoNotDisturbAnotherSession(Vertx vertx) throws Exception {
    long seed = Long.getLong("cuecard.fuzz.seed", 20261125L);
    String where = " (seed " + seed + ")";
    List<String> baseline;
    try (TestServer quiet = start(vertx, dir.resolve("quiet"))) {
      baseline = interview(quiet);
    }
    assertEquals(INTERVIEW.length + 4 + 4, baseline.size(), "four cues pushed and stored: " + baseline);

    try (TestServer server = start(vertx, dir.resolve("fuzzed"))) {
      List<String> problems = Collections.synchronizedList(new ArrayList<>());
      int[] sent = new int[SOCKETS];
      List<Thread> fuzzers = new ArrayList<>();
      for (int k = 0; k < SOCKETS; k++) {
        int socket = k;
        String token = server.newUser();
        String session = server.newSession(token);
        Thread t = new Thread(() -> fuzz(server, token, session, new Random(seed + socket), problems, sent, socket),
            "fuzzer-" + k);
        fuzzers.add(t);
        t.start();
      }
      int utf8Closes = invalidUtf8(server, new Random(seed), problems);
      List<String> during = interview(server);
      for (Thread t : fuzzers) {
        t.join(300_000);
      }
      assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), "problems" + where);
      int total = Arrays.stream(sent).sum() + utf8Closes;
      assertTrue(total >= 10_000, total + " frames");
      assertEquals(baseline, during, "the well-behaved interview is exactly as without fuzzing" + where);
      assertEquals(200, server.call("GET", "/health", null, (String) null).status());
    }
  }

  /** Sends frames one at a time, each followed by a ping, and checks what came back in between. */
  private static void fuzz(TestServer server, String token, String session, Random random, List<String> problems,
                           int[] sent, int socket) {
    FrameFuzzer fuzzer = new FrameFuzzer(random);
    try (WsClient ws = WsClient.connect(server, token, session)) {
      for (int i = 0; i < FRAMES_PER_SOCKET; i++) {
        FrameFuzzer.Frame f = fuzzer.next();
        if (f.binary() != null) {
          ws.sendBinary(f.binary());
        } else {
          ws.sendText(f.text());
        }
        List<JsonObject> replies = ws.sync();
        List<JsonObject> errors = replies.stream().filter(m -> "error".equals(m.getString("type"))).toList();
        for (JsonObject e : errors) {
          if (!DOCUMENTED.contains(e.getString("code")) || !(e.getValue("message") instanceof String m) || m.isBlank()) {
            problems.add("undocumented error " + e.encode() + " for " + f.kind());
          }
          if ("internal".equals(e.getString("code"))) {
            problems.add("internal error for " + f.kind() + ": " + abbreviate(f));
          }
        }
        if (f.mustFail() && errors.isEmpty()) {
          problems.add("no error for a " + f.kind() + " frame: " + abbreviate(f) + " got " + replies);
        }
        sent[socket]++;
      }
    } catch (RuntimeException | AssertionError e) {
      problems.add("socket " + socket + " failed after " + sent[socket] + " frames: " + e);
    }
  }

  /** Text frames that are not UTF-8 are a protocol error: closed with 1007, as docs/protocol.md says. */
  private static int invalidUtf8(TestServer server, Random random, List<String> problems) throws Exception {
    String token = server.newUser();
    String session = server.newSession(token);
    int n = 0;
    for (int i = 0; i < 20; i++) {
      try (RawWebSocket ws = RawWebSocket.open(server.port(), "/ws/sessions/" + session,
          "Authorization: Bearer " + token)) {
        ws.readFrame(); // welcome
        ws.sendFrame(RawWebSocket.OP_TEXT, false, FrameFuzzer.invalidUtf8(random));
        RawWebSocket.Frame f = ws.readFrame();
        while (f != null && f.opcode() != RawWebSocket.OP_CLOSE) {
          f = ws.readFrame();
        }
        if (f == null || f.closeCode() != 1007) {
          problems.add("invalid UTF-8 was not closed with 1007: " + (f == null ? "no close frame" : f.closeCode()));
        }
        n++;
      }
    }
    return n;
  }

  private static String abbreviate(FrameFuzzer.Frame f) {
    String s = f.text() != null ? f.text() : "binary " + f.binary().length + " bytes";
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

}

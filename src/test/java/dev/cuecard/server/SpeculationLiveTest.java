package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a real socket: when the interviewer pauses after an interim snippet, the server embeds it
 * and the card lands before the recogniser's final, which then completes the question (no second
 * cue, no follow-up); a snippet cut off mid-phrase waits.
 */
@ExtendWith(VertxExtension.class)
class SpeculationLiveTest {
  @TempDir
  Path dir;

  @Test
  void aPausedQuestionGetsItsCardBeforeTheFinal(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startSemantic(vertx, dir, b -> b.set(ConfigKey.MATCH_SPECULATE_MILLIS, 100))) {
      try (WsClient ws = server.newSessionSocket()) {
        // cut off mid-phrase: no card however long the pause
        ws.snippet("interviewer", "so what is the difference between", false, 1);
        Thread.sleep(600);
        ws.sync();
        assertTrue(ws.seen("cue").isEmpty(), ws.seen("cue").toString());

        // all the words, and the speaker stops: the card comes with no final sent
        String q = "how would you keep a slow report from timing out the request";
        ws.snippet("interviewer", q, false, 2);
        JsonObject cue = ws.next("cue", 30);
        assertEquals("api-long-running", cue.getJsonObject("card").getString("id"));
        assertFalse(cue.getBoolean("final"), "landed before the final: " + cue.encode());
        assertEquals("semantic", cue.getString("source"));
        assertEquals(true, cue.getBoolean("speculative"), cue.encode());
        assertEquals(q, cue.getString("heard"));

        // the final completes the question: no second cue and no follow-up on the same words
        ws.snippet("interviewer", q, true, 3);
        ws.next("ack");
        ws.snippet("candidate", "i would move it to a background job with celery and let the client poll for the"
            + " result", true, 4);
        assertEquals("api-long-running", ws.next("coverage").getString("cardId"));
        ws.sync();
        assertEquals(1, ws.seen("cue").size(), ws.seen("cue").toString());
        assertTrue(ws.seen("followup").isEmpty(), ws.seen("followup").toString());
      }
      String metrics = server.call("GET", "/metrics", null, (String) null).body();
      assertTrue(metrics.contains("cuecard_speculations_total{outcome=\"card\"} 1.0"), metrics);
    }
  }

  @Test
  void aFinalRankedAtThePauseIsDecidedWithoutWaitingForAWorker(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startSemantic(vertx, dir, b -> b.set(ConfigKey.MATCH_SPECULATE_MILLIS, 100))) {
      try (WsClient ws = server.newSessionSocket()) {
        // no card is sure of these words: the pause ranks them and shows nothing ...
        String q = "what stops a single account from making thousands of calls a minute";
        ws.snippet("interviewer", q, false, 1);
        Thread.sleep(1500);
        ws.sync();
        assertTrue(ws.seen("cue").isEmpty(), ws.seen("cue").toString());
        // ... and the final with the same words is decided from that ranking: a fallback
        ws.snippet("interviewer", q, true, 2);
        JsonObject cue = ws.next("cue");
        assertEquals(true, cue.getBoolean("fallback"), cue.encode());
        assertTrue(cue.getBoolean("final"));
        assertTrue(cue.getJsonArray("related").stream()
            .anyMatch(r -> "design-rate-limiter".equals(((JsonObject) r).getString("id"))), cue.encode());
      }
      String metrics = server.call("GET", "/metrics", null, (String) null).body();
      assertTrue(metrics.contains("cuecard_speculations_total{outcome=\"none\"} 1.0"), metrics);
      assertTrue(metrics.contains("cuecard_speculations_total{outcome=\"final\"} 1.0"), metrics);
    }
  }
}

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question worded unlike any card still gets its cue, from the semantic fallback, off the event loop; a card
 * its words were sure of is replaced when the model is sure of another.
 */
@ExtendWith(VertxExtension.class)
class SemanticLiveTest {
  @TempDir
  Path dir;

  @Test
  void aParaphrasedQuestionIsCuedBySemanticMatching(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startSemantic(vertx, dir, b -> b.set(ConfigKey.MATCH_SPECULATE_MILLIS, 0))) {
      try (WsClient ws = server.newSessionSocket()) {
        // no card shares these words, and with speculation off an interim never waits for the slow path
        ws.snippet("interviewer", "how do you make a python function remember", false, 1);
        ws.snippet("interviewer", "how do you make a python function remember results it already computed", true, 2);
        JsonObject cue = ws.next("cue");
        assertEquals("py-lru-cache", cue.getJsonObject("card").getString("id"));
        assertEquals("semantic", cue.getString("source"));
        assertTrue(cue.getBoolean("final"));
        assertEquals(null, cue.getValue("speculative"), "only cards landed at a pause say so");

        // no card clearly ahead by meaning or by words: a fallback whose related cards are the
        // nearest by meaning, not by shared words
        ws.snippet("interviewer", "what stops a single account from making thousands of calls a minute", true, 3);
        JsonObject fallback = ws.next("cue");
        assertEquals(true, fallback.getBoolean("fallback"), fallback.encode());
        assertTrue(fallback.getJsonArray("related").stream()
            .anyMatch(r -> "design-rate-limiter".equals(((JsonObject) r).getString("id"))), fallback.encode());

        // small talk stays silent on both paths
        ws.snippet("interviewer", "great thanks that makes sense", true, 4);
        ws.snippet("candidate", "i'd use a token bucket in redis keyed by user", true, 5);
        while (ws.seen("ack").size() < 4) {
          ws.next("ack");
        }
        ws.sync();
        assertEquals(2, ws.seen("cue").size(), "no further cues: " + ws.seen("cue"));
      }
      String metrics = server.call("GET", "/metrics", null, (String) null).body();
      assertTrue(metrics.contains("cuecard_semantic_latency_seconds_count 2"), metrics);
    }
  }

  @Test
  void theModelsSecondLookReplacesACardTheWordsWereSureOf(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startSemantic(vertx, dir, b -> b.set(ConfigKey.MATCH_SPECULATE_MILLIS, 0))) {
      try (WsClient ws = server.newSessionSocket()) {
        // the words are sure of the card on making Python code faster; the model is sure it asks about the GIL
        ws.snippet("interviewer", "why doesn't multithreading make my cpu heavy python code faster", true, 1);
        JsonObject first = ws.next("cue");
        assertEquals("py-speed-up", first.getJsonObject("card").getString("id"), first.encode());
        assertEquals("match", first.getString("source"));
        JsonObject second = ws.next("cue");
        assertEquals("py-gil", second.getJsonObject("card").getString("id"), second.encode());
        assertEquals("semantic", second.getString("source"));
        assertTrue(second.getBoolean("final"));
        assertTrue(second.getJsonArray("alternatives").stream()
            .anyMatch(r -> "py-speed-up".equals(((JsonObject) r).getString("id"))), "the words' card one click away: " + second.encode());

        // where the model agrees with the words, the card stays as it is: one cue
        ws.snippet("interviewer", "what is the difference between select related and prefetch related", true, 2);
        JsonObject agreed = ws.next("cue");
        assertEquals("orm-select-vs-prefetch", agreed.getJsonObject("card").getString("id"), agreed.encode());
        while (ws.seen("ack").size() < 2) {
          ws.next("ack");
        }
        ws.sync();
        assertEquals(3, ws.seen("cue").size(), "no further cues: " + ws.seen("cue"));
      }
    }
  }
}

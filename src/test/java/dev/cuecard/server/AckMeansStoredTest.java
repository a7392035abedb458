package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ack means stored, whatever the order of seqs and whatever the store did. Store failures are
 * real ones: a trigger added to the live database by a second connection makes the store (SQLite
 * or PostgreSQL) refuse chosen inserts, as a failing disk would refuse them all.
 */
class AckMeansStoredTest extends SessionTestBase {
  @Override
  protected Config config() {
    return TestServer.builder(dir).set(ConfigKey.WS_RATE_PER_SECOND, 1000).set(ConfigKey.WS_RATE_BURST, 1000).build();
  }

  @Test
  void aSeqBelowTheLastOneIsStoredNotTakenForADuplicate() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("candidate", "ten", true, 10);
      assertFalse(ws.next("ack").getBoolean("duplicate"));
      ws.snippet("candidate", "five", true, 5);
      JsonObject ack = ws.next("ack");
      assertEquals(5, ack.getLong("seq"));
      assertFalse(ack.getBoolean("duplicate"), "seq 5 was never stored, so it is stored now");
      ws.snippet("candidate", "five", true, 5);
      assertTrue(ws.next("ack").getBoolean("duplicate"), "and a second copy is a duplicate");
    }
    assertEquals(Map.of(5L, "five", 10L, "ten"), storedTexts());
  }

  @Test
  void aSeqFarAheadIsRefusedAndLaterSnippetsAreStillStored() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("candidate", "huge", true, 1L << 53);
      JsonObject err = ws.next("error");
      assertEquals("invalid_message", err.getString("code"));
      assertEquals(1L << 53, err.getLong("seq"));
      assertTrue(err.getString("message").contains("at most 1000000"), err.getString("message"));
      ws.snippet("candidate", "one", true, 1);
      assertFalse(ws.next("ack").getBoolean("duplicate"));
      ws.snippet("candidate", "within the window", true, 1_000_001);
      assertFalse(ws.next("ack").getBoolean("duplicate"));
      ws.snippet("candidate", "two", true, 2);
      assertFalse(ws.next("ack").getBoolean("duplicate"), "a lower seq after a big jump is still stored");
    }
    assertEquals(Map.of(1L, "one", 2L, "two", 1_000_001L, "within the window"), storedTexts());
  }

  @Test
  void failedWritesInOrderAreStoredWhenResentAndEchoedOnlyThen() {
    failInserts("NEW.seq BETWEEN 3 AND 5");
    try (WsClient ws = WsClient.connect(server, token, session)) {
      for (long seq = 1; seq <= 8; seq++) {
        ws.snippet("candidate", "part " + seq, true, seq);
      }
      Map<Long, String> replies = ws.replies(8);
      assertEquals(Map.of(1L, "ack", 2L, "ack", 3L, "store_failed", 4L, "store_failed", 5L, "store_failed",
          6L, "ack", 7L, "ack", 8L, "ack"), replies);
      assertEquals(List.of(1L, 2L, 6L, 7L, 8L), finalEchoes(ws), "only stored text is echoed as said");

      stopFailing();
      for (long seq = 3; seq <= 8; seq++) {
        ws.snippet("candidate", "part " + seq, true, seq);
      }
      List<JsonObject> acks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        acks.add(ws.next("ack"));
      }
      for (JsonObject ack : acks) {
        assertEquals(ack.getLong("seq") > 5, ack.getBoolean("duplicate"), "duplicate exactly when stored before: " + ack);
      }
      ws.sync();
      assertEquals(List.of(1L, 2L, 6L, 7L, 8L, 3L, 4L, 5L), finalEchoes(ws), "each stored snippet echoed once");
    }
    Map<Long, String> stored = storedTexts();
    assertEquals(new TreeSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)), new TreeSet<>(stored.keySet()));
    assertEquals("up", server.call("GET", "/health", null, (String) null).json().getString("status"),
        "one refused statement is not a broken store");
  }

  @Test
  void aFailedWriteResentOutOfOrderIsStoredAndLaterOnesStayDuplicates() {
    failInserts("NEW.seq = 2");
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "what is a python decorator", true, 1);
      ws.snippet("candidate", "a function that wraps another", true, 2);
      ws.snippet("candidate", "it returns a new callable", true, 3);
      assertEquals(Map.of(1L, "ack", 2L, "store_failed", 3L, "ack"), ws.replies(3));
      stopFailing();
      ws.snippet("candidate", "it returns a new callable", true, 3);
      assertTrue(ws.next("ack").getBoolean("duplicate"));
      ws.snippet("candidate", "a function that wraps another", true, 2);
      JsonObject ack = ws.next("ack");
      assertEquals(2, ack.getLong("seq"));
      assertFalse(ack.getBoolean("duplicate"));
      ws.snippet("candidate", "a function that wraps another", true, 2);
      assertTrue(ws.next("ack").getBoolean("duplicate"));
      ws.sync();
      assertEquals(1, ws.seen("cue").size(), "one question, one cue: " + ws.seen("cue"));
    }
    assertEquals(3, storedTexts().size());
  }

  @Test
  void aFailedAskIsAskedAgainWithTheSameSeq() {
    failInserts("NEW.seq = 4");
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.send(new JsonObject().put("type", "ask").put("cardId", "py-generators").put("seq", 4));
      assertEquals("py-generators", ws.next("cue").getJsonObject("card").getString("id"));
      JsonObject err = ws.next("error");
      assertEquals("store_failed", err.getString("code"));
      assertEquals(4, err.getLong("seq"));
      stopFailing();
      ws.send(new JsonObject().put("type", "ask").put("cardId", "py-generators").put("seq", 4));
      JsonObject ack = ws.next("ack");
      assertEquals(4, ack.getLong("seq"));
      assertFalse(ack.getBoolean("duplicate"));
    }
    assertEquals(1, storedTexts().size());
  }

  @Test
  void theWelcomeTellsTheHighestSeqProcessedSoNewSnippetsAreNotTakenForStaleOnes() {
    failInserts("NEW.seq = 3");
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("candidate", "one", true, 1);
      ws.snippet("candidate", "three", true, 3);
      assertEquals(Map.of(1L, "ack", 3L, "store_failed"), ws.replies(2));
    }
    stopFailing();
    try (WsClient again = WsClient.open(server, token, session, "")) {
      assertEquals(3, again.next("welcome").getLong("lastSeq"), "a live room remembers what it processed");
      again.snippet("candidate", "three", true, 3);
      assertFalse(again.next("ack").getBoolean("duplicate"));
    }
    assertEquals(Map.of(1L, "one", 3L, "three"), storedTexts());
  }

  private static List<Long> finalEchoes(WsClient ws) {
    return ws.seen("transcript").stream().filter(m -> m.getBoolean("final")).map(m -> m.getLong("seq")).toList();
  }

  private void failInserts(String when) {
    TestStore.failInserts(dir, when);
  }

  private void stopFailing() {
    TestStore.stopFailing(dir);
  }

  private Map<Long, String> storedTexts() {
    return server.storedUtterances(token, session);
  }
}

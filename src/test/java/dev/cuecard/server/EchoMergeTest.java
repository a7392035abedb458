package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both channels of the overlay (the mic as the candidate, the call tab as the interviewer) over a
 * real socket: speech heard on both is attributed once, the echo is stored marked, and the
 * candidate's words coming back through the call never bring up a card.
 */
class EchoMergeTest extends SessionTestBase {
  private static final String QUESTION = "so what's the difference between select related and prefetch related";

  @Test
  void theInterviewerQuestionAloneBringsItsCard() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", QUESTION, false, 1);
      ws.snippet("interviewer", QUESTION, true, 2);
      assertEquals("orm-select-vs-prefetch", ws.next("cue").getJsonObject("card").getString("id"));
    }
  }

  @Test
  void theCandidatesWordsBackThroughTheCallNeverBringACard() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      // the candidate repeats the question aloud; the call audio carries it back a moment later
      ws.snippet("candidate", "so what's the difference", false, 1);
      ws.snippet("interviewer", "so what's the difference between", false, 2);
      ws.snippet("candidate", QUESTION + " well", true, 3);
      ws.snippet("interviewer", QUESTION, true, 4);
      ws.replies(2);
      List<JsonObject> seen = ws.sync();
      assertTrue(ws.seen("cue").isEmpty(), "no card from the candidate's own words: " + seen);
      JsonObject echo = ws.seen("transcript").stream()
          .filter(m -> m.getBoolean("final") && m.getString("speaker").equals("interviewer")).findFirst().orElseThrow();
      assertEquals("candidate", echo.getString("echoOf"), "the live echo says it was merged");
      JsonObject interim = ws.seen("transcript").stream()
          .filter(m -> !m.getBoolean("final") && m.getString("speaker").equals("interviewer")).findFirst().orElseThrow();
      assertEquals("candidate", interim.getString("echoOf"), "the interim already is marked");
    }
    JsonArray items = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null)
        .json().getJsonArray("items");
    assertEquals(2, items.size(), items.encode());
    assertNull(items.getJsonObject(0).getString("echoOf"), "the candidate's own words are theirs");
    assertEquals("candidate", items.getJsonObject(1).getString("echoOf"), "stored, marked as the candidate's echo");
    String md = server.call("GET", "/api/sessions/" + session + "/transcript?format=md", token, (String) null).body();
    assertTrue(md.contains("echo of the candidate, merged"), md);
    JsonObject talk = server.call("GET", "/api/sessions/" + session + "/summary", token, (String) null).json()
        .getJsonObject("totals").getJsonObject("talk");
    assertEquals(0, talk.getInteger("interviewerWords"), "an echo is not talk: " + talk);
  }

  @Test
  void theInterviewerLeakingIntoTheMicStillBringsTheCardAndIsNotTheCandidatesAnswer() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "so what's the difference between", false, 1);
      ws.snippet("candidate", "so what's the difference between", false, 2);
      // the question names a key point ("a sql join"): heard as the candidate's, it would count as covered
      ws.snippet("interviewer", QUESTION + " and which one does a sql join", true, 3);
      ws.snippet("candidate", QUESTION + " and which one does a sql join", true, 4);
      assertEquals("orm-select-vs-prefetch", ws.next("cue").getJsonObject("card").getString("id"));
      ws.replies(2);
      ws.sync();
      JsonObject leak = ws.seen("transcript").stream()
          .filter(m -> m.getBoolean("final") && m.getString("speaker").equals("candidate")).findFirst().orElseThrow();
      assertEquals("interviewer", leak.getString("echoOf"));
      JsonObject question = ws.seen("transcript").stream()
          .filter(m -> m.getBoolean("final") && m.getString("speaker").equals("interviewer")).findFirst().orElseThrow();
      assertNull(question.getString("echoOf"));
      assertTrue(ws.seen("coverage").stream().allMatch(c -> c.getInteger("covered") == 0),
          "the leaked question covers none of the answer's points: " + ws.seen("coverage"));
    }
  }
}

package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a real socket: an interviewer's follow-up is resolved against the card on screen and sent
 * as a {@code followup} message for that card (no new cue), a later connection gets it inside the
 * current cue, and a new question still brings its own card.
 */
class FollowUpCueTest extends SessionTestBase {

  private static JsonObject cue(WsClient ws, String question, long seq) {
    ws.snippet("interviewer", question, true, seq);
    return ws.next("cue");
  }

  @Test
  void aBareWhyShowsItsPointersInsideTheCardOnScreen() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      assertEquals("orm-select-vs-prefetch",
          cue(ws, "what's the difference between select related and prefetch related", 1).getJsonObject("card").getString("id"));
      ws.snippet("interviewer", "okay why", true, 2);
      JsonObject f = ws.next("followup");
      assertEquals(session, f.getString("sessionId"));
      assertEquals("orm-select-vs-prefetch", f.getString("cardId"));
      JsonObject follow = f.getJsonObject("followUp");
      assertEquals("why", follow.getString("kind"));
      assertEquals("okay why", follow.getString("heard"));
      assertFalse(follow.getString("label").isBlank());
      assertFalse(follow.getJsonArray("pointers").isEmpty(), follow.encode());
      assertTrue(follow.getLong("at") > 0);
      // the reply to the follow-up is coached on the card on screen
      ws.snippet("candidate", "because select related does a sql join in a single query", true, 3);
      assertEquals("orm-select-vs-prefetch", ws.next("coverage").getString("cardId"));
      ws.sync();
      assertEquals(1, ws.seen("cue").size(), "a follow-up never brings a new cue: " + ws.seen("cue"));
    }
  }

  @Test
  void aTopicTheCandidateJustSaidLeavesTheCardUpAndANewOneNamedBringsItsCard() throws Exception {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      cue(ws, "what's the difference between select related and prefetch related", 1);
      ws.snippet("candidate", "select related joins, and behind it all we pool the postgres connections with pgbouncer"
          + " so connection pooling keeps the query count cheap", true, 2);
      ws.sync();
      // past the 3 s in which the call carrying the candidate's voice back would be an echo (session.CrossTalk):
      // the interviewer saying the candidate's words back
      Thread.sleep(3_200);
      ws.snippet("interviewer", "okay, connection pooling", true, 3);
      JsonObject said;
      do {
        said = ws.next("transcript");
      } while (said.getLong("seq") != 3);
      assertNull(said.getString("echoOf"), said.encode());
      ws.sync();
      assertEquals(1, ws.seen("cue").size(), "a remark on the answer leaves its card up: " + ws.seen("cue"));
      assertEquals("py-gil", cue(ws, "next, the global interpreter lock", 4).getJsonObject("card").getString("id"));
      // a new answer begins with the new card: nobody has said it in this one
      assertEquals("db-connection-pooling", cue(ws, "okay, connection pooling", 5).getJsonObject("card").getString("id"));
    }
  }

  @Test
  void aFollowUpIsKeptInTheSessionRecord() throws Exception {
    String label;
    try (WsClient ws = WsClient.connect(server, token, session)) {
      cue(ws, "what's the difference between select related and prefetch related", 1);
      ws.snippet("interviewer", "okay why", true, 2);
      label = ws.next("followup").getJsonObject("followUp").getString("label");
      ws.sync();
    }
    // written beside the utterance on the store's worker: it may land a moment after the ack
    JsonObject totals = null;
    for (int i = 0; i < 50; i++) {
      totals = server.call("GET", "/api/sessions/" + session + "/summary", token, (String) null).json()
          .getJsonObject("totals");
      if (totals.getInteger("followUps") > 0) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(1, totals.getInteger("followUps"), totals.encode());
    assertEquals(1, totals.getInteger("questionsAsked"), "a follow-up is not a question of its own");
    JsonObject follow = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json()
        .getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> "followup".equals(i.getString("kind")))
        .findFirst().orElseThrow();
    assertEquals("orm-select-vs-prefetch", follow.getString("cardId"));
    assertEquals(label, follow.getString("question"));
    assertEquals("okay why", follow.getString("heard"));
    String md = server.call("GET", "/api/sessions/" + session + "/transcript?format=md", token, (String) null).body();
    assertTrue(md.contains("> Follow-up: " + label + " (on card orm\\-select\\-vs\\-prefetch)"), md); // ids escaped too
    assertEquals(1, md.split("> Cue card: ", -1).length - 1, md);

    // after a restart the room comes back on the card itself, not on the follow-up's record
    server.restart();
    try (WsClient again = WsClient.open(server, token, session, "")) {
      JsonObject cue = again.next("welcome").getJsonObject("cue");
      assertEquals("orm-select-vs-prefetch", cue.getJsonObject("card").getString("id"));
      assertEquals("what's the difference between select related and prefetch related", cue.getString("heard"));
      assertTrue(!"followup".equals(cue.getString("source")), cue.encode());
    }
  }

  @Test
  void aListedFollowUpPointsAtTheCardThatAnswersIt() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      cue(ws, "what's the difference between select related and prefetch related", 1);
      ws.snippet("interviewer", "how would you spot an n plus one problem in production", true, 2);
      JsonObject follow = ws.next("followup").getJsonObject("followUp");
      assertEquals("listed", follow.getString("kind"), follow.encode());
      assertEquals("How would you spot an N+1 problem in production?", follow.getString("listed"));
      assertEquals("orm-n-plus-one", follow.getJsonObject("linked").getString("id"), "the card that answers it");
      assertEquals(3, follow.getJsonArray("pointers").size(), "the linked card's first key points");
    }
  }

  @Test
  void aFollowUpHeardInInterimSnippetsIsResolvedOnItsFinal() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      String q = "so what's the difference between select related and prefetch related";
      ws.snippet("interviewer", "so what's the difference between select related and prefetch", false, 1);
      ws.snippet("interviewer", q, true, 2);
      assertEquals("orm-select-vs-prefetch", ws.next("cue").getJsonObject("card").getString("id"));
      ws.snippet("candidate", "both of them reduce the number of queries, select related does a sql join for foreign keys"
          + " and one to one, prefetch related runs a second query and joins in python which works for many to many",
          true, 3);
      String f = "nice and how would you spot an n plus one problem in the first place";
      String[] words = f.split(" ");
      long seq = 4;
      for (int n = 3; n < words.length; n += 3) {
        ws.snippet("interviewer", String.join(" ", java.util.Arrays.copyOf(words, n)), false, seq++);
      }
      ws.snippet("interviewer", f, true, seq);
      assertEquals("orm-select-vs-prefetch", ws.next("followup").getString("cardId"));
      ws.sync();
      assertEquals(1, ws.seen("cue").size(), ws.seen("cue").toString());
    }
  }

  @Test
  void aLaterConnectionGetsTheFollowUpWithTheCue() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      cue(ws, "tell me about a conflict with a teammate and how you resolved it", 1);
      ws.snippet("interviewer", "what would you do differently next time", true, 2);
      assertEquals("differently", ws.next("followup").getJsonObject("followUp").getString("kind"));
      ws.sync();
    }
    try (WsClient later = WsClient.open(server, token, session, "")) {
      JsonObject cue = later.next("welcome").getJsonObject("cue");
      assertEquals("beh-conflict", cue.getJsonObject("card").getString("id"));
      assertEquals("differently", cue.getJsonObject("followUp").getString("kind"));
    }
  }

  @Test
  void aNewQuestionStillGetsItsOwnCardAndRemarksChangeNothing() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      cue(ws, "what's the difference between select related and prefetch related", 1);
      ws.snippet("interviewer", "great that makes sense", true, 2);
      JsonObject next = cue(ws, "what are django signals and when should you avoid them", 3);
      assertEquals("django-signals", next.getJsonObject("card").getString("id"));
      assertNull(next.getJsonObject("followUp"), "a new card starts without a follow-up");
      ws.sync();
      assertTrue(ws.seen("followup").isEmpty(), "no follow-up for a remark or a new question: " + ws.seen("followup"));
    }
  }
}

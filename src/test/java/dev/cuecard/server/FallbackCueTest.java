package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question no card answers still gets a cue: the question as heard, the structure for its kind,
 * reminders and the nearest cards, marked as a fallback. Small talk, bare follow-ups and the
 * candidate's own questions get none; a question with a card gets the card.
 */
class FallbackCueTest extends SessionTestBase {
  private JsonObject fallbackFor(WsClient ws, String question, long seq) {
    ws.snippet("interviewer", question, true, seq);
    JsonObject cue = ws.next("cue");
    assertEquals(true, cue.getBoolean("fallback"), cue.encode());
    assertEquals("fallback", cue.getString("source"));
    assertEquals(question, cue.getJsonObject("card").getString("question"), "the question as heard");
    assertFalse(cue.getJsonObject("card").getJsonArray("reminders").isEmpty());
    return cue;
  }

  /** The cue a question with a card gets: that card, not a fallback. */
  private static JsonObject cardFor(WsClient ws, String question, long seq, String cardId) {
    ws.snippet("interviewer", question, true, seq);
    JsonObject cue = ws.next("cue");
    assertEquals(cardId, cue.getJsonObject("card").getString("id"), cue.encode());
    assertNull(cue.getBoolean("fallback"));
    assertNull(cue.getJsonArray("related"), "related cards are a fallback's");
    return cue;
  }

  /**
   * A topic named alone: spoken, it may be a remark and gets only a card its words are sure of;
   * typed into the overlay, it is asked, and gets what a question gets.
   */
  @Test
  void aTopicTypedAloneIsAskedAndSpokenItIsNot() throws Exception {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "mixins in python", true, 1);
      ws.next("ack");
      ws.sync();
      assertEquals(List.of(), ws.seen("cue"), "spoken: not sure enough for a topic named alone");
      ws.send(new JsonObject().put("type", "snippet").put("speaker", "interviewer").put("text", "mixins in python")
          .put("final", true).put("seq", 2).put("typed", true));
      JsonObject cue = ws.next("cue");
      assertEquals("django-cbv-mixins", cue.getJsonObject("card").getString("id"), cue.encode());
      assertEquals("mixins in python?", cue.getString("heard"), "read as the question it was typed for");
      // the echo goes out once stored (on PostgreSQL, a moment later), in no fixed order with the cue
      JsonObject said = null;
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (said == null && System.nanoTime() < deadline) {
        ws.sync();
        said = ws.seen("transcript").stream().filter(t -> t.getLong("seq") == 2).findFirst().orElse(null);
        if (said == null) {
          Thread.sleep(20);
        }
      }
      assertTrue(said != null, "no transcript echo of the typed snippet within 5 s: " + ws.seen());
      assertEquals("mixins in python", said.getString("text"), "the transcript keeps what was typed");
      // typed remarks stay remarks
      ws.send(new JsonObject().put("type", "snippet").put("speaker", "interviewer").put("text", "nice, thanks")
          .put("final", true).put("seq", 3).put("typed", true));
      ws.next("ack");
      ws.sync();
      assertEquals(1, ws.seen("cue").size(), "no new cue for a typed remark: " + ws.seen("cue"));
    }
  }

  /** A slip of the keyboard is read as the word meant, typed; a recogniser writes words, so spoken it is not. */
  @Test
  void aTypedSlipGetsTheCardOfTheWordMeant() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.send(new JsonObject().put("type", "snippet").put("speaker", "interviewer")
          .put("text", "how do you prevent sql injcetion").put("final", true).put("seq", 1).put("typed", true));
      JsonObject cue = ws.next("cue");
      assertEquals("sec-sql-injection", cue.getJsonObject("card").getString("id"), cue.encode());
      assertEquals("how do you prevent sql injection", cue.getString("heard"), "read as the word meant");
      // spoken, the same words are matched as said (a card or a fallback, whichever they bring)
      ws.snippet("interviewer", "what does a python decoratr do in practice", true, 2);
      JsonObject spoken = ws.next("cue");
      assertEquals("what does a python decoratr do in practice", spoken.getString("heard"), spoken.encode());
    }
  }

  @Test
  void anUnseenQuestionGetsTheStructureForItsKindAndTheNearestCards() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      JsonObject technical = fallbackFor(ws, "what does the ellipsis object do in python", 1);
      JsonObject card = technical.getJsonObject("card");
      assertEquals("TECHNICAL", card.getString("framework"));
      assertEquals("fallback:technical", card.getString("id"));
      JsonArray related = technical.getJsonArray("related");
      assertTrue(related.size() > 0 && related.size() <= 3, related.encode());
      for (Object r : related) {
        assertEquals(200, server.call("GET", "/api/questions/" + ((JsonObject) r).getString("id"), token,
            (String) null).status(), "related cards are bank cards");
      }

      JsonObject design = fallbackFor(ws, "how would you design a ride sharing dispatch service for a whole city", 2);
      assertEquals("DESIGN", design.getJsonObject("card").getString("framework"));
      assertEquals(java.util.List.of("Requirements", "Components", "Scale", "Trade-offs"),
          design.getJsonObject("card").getJsonArray("steps").getList());

      JsonObject story = fallbackFor(ws, "tell me about a time you organised a team offsite", 3);
      assertEquals("STAR", story.getJsonObject("card").getString("framework"));
      ws.sync();
    }
  }

  @Test
  void smallTalkFollowUpsAndTheCandidatesQuestionsGetNoCue() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "how is your day going so far", true, 1);
      ws.snippet("interviewer", "can you hear me okay", true, 2);
      ws.snippet("interviewer", "why", true, 3);
      ws.snippet("candidate", "what does the ellipsis object do in python", true, 4);
      ws.replies(4);
      ws.sync();
      assertTrue(ws.seen("cue").isEmpty(), "no cue: " + ws.seen("cue"));
    }
  }

  @Test
  void aQuestionWithACardGetsTheCardNotAFallback() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      JsonObject cue = cardFor(ws, "what are django signals and when should you avoid them", 1, "django-signals");
      // the next cards share only a word or two with it: no alternatives
      assertNull(cue.getJsonArray("alternatives"), cue.encode());
      // an answer to a fallback is tracked for its structure
      fallbackFor(ws, "what does the ellipsis object do in python", 2);
      ws.snippet("candidate", "it is a built-in singleton, for example a placeholder in type stubs", true, 3);
      JsonObject stage = ws.next("stage");
      assertEquals("fallback:technical", stage.getString("cardId"));
      assertTrue(stage.getJsonArray("reached").contains("Definition"), stage.encode());
    }
  }

  /**
   * A card shown may be a neighbour of the question asked: the next cards of its ranking that are
   * close come with it, one ask away (a card with no close neighbour comes alone: above).
   */
  @Test
  void aCardCarriesItsCloseAlternativesOneAskAway() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      JsonObject cue = cardFor(ws, "what is the difference between a process and a thread", 1, "cs-process-thread");
      JsonArray alternatives = cue.getJsonArray("alternatives");
      assertTrue(alternatives != null && !alternatives.isEmpty() && alternatives.size() <= 2, cue.encode());
      for (Object o : alternatives) {
        JsonObject a = (JsonObject) o;
        assertFalse(a.getString("id").equals("cs-process-thread"), "the card is not its own alternative");
        assertTrue(a.getDouble("score") >= 0.5, "only close cards: " + a.encode());
        assertEquals(200, server.call("GET", "/api/questions/" + a.getString("id"), token, (String) null).status());
        assertFalse(a.getString("question").isBlank());
      }
      String other = alternatives.getJsonObject(0).getString("id");
      ws.send(new JsonObject().put("type", "ask").put("cardId", other).put("seq", 2));
      JsonObject asked = ws.next("cue");
      assertEquals(other, asked.getJsonObject("card").getString("id"), "one ask brings the alternative up");
      assertEquals("ask", asked.getString("source"));
      assertNull(asked.getJsonArray("alternatives"), "a card picked by hand offers none");
      ws.sync();
      String metrics = server.call("GET", "/metrics", null, (String) null).body();
      assertTrue(metrics.contains("cuecard_cue_corrections_total{from=\"alternatives\"} 1.0"), metrics);
    }
  }

  @Test
  void aFollowUpOnTheCardOnScreenKeepsThatCard() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "so what's the difference between select related and prefetch related", true, 1);
      assertEquals("orm-select-vs-prefetch", ws.next("cue").getJsonObject("card").getString("id"));
      // worded like one of the card's follow-ups ("How would you spot an N+1 problem in production?")
      ws.snippet("interviewer", "nice and how would you spot an n plus one problem in the first place", true, 2);
      JsonObject follow = ws.next("followup");
      assertEquals("orm-select-vs-prefetch", follow.getString("cardId"), "resolved against the card on screen");
      ws.sync();
      assertEquals(1, ws.seen("cue").size(), "no new cue or fallback replaces the card being discussed: " + ws.seen("cue"));
      // an unrelated unseen question does get one
      fallbackFor(ws, "what does the ellipsis object do in python", 3);
    }
  }

  @Test
  void aFollowUpToAFallbackIsShownInsideIt() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      fallbackFor(ws, "what does the ellipsis object do in python", 1);
      ws.snippet("interviewer", "okay and why would you use it", true, 2);
      JsonObject f = ws.next("followup");
      assertEquals("fallback:technical", f.getString("cardId"), "the fallback on screen");
      JsonObject follow = f.getJsonObject("followUp");
      assertEquals("why", follow.getString("kind"), follow.encode());
      assertFalse(follow.getJsonArray("pointers").isEmpty(), follow.encode());
      ws.snippet("interviewer", "can you give me an example", true, 3);
      assertEquals("example", ws.next("followup").getJsonObject("followUp").getString("kind"));
      // the next fallback is a new question, not a follow-up to this one, and gets its own cue
      JsonObject story = fallbackFor(ws, "tell me about a time you organised a team offsite", 4);
      assertEquals("fallback:star", story.getJsonObject("card").getString("id"));
      ws.snippet("interviewer", "what would you do differently", true, 5);
      JsonObject again = ws.next("followup");
      assertEquals("fallback:star", again.getString("cardId"));
      assertEquals("differently", again.getJsonObject("followUp").getString("kind"));
      ws.sync();
      assertEquals(2, ws.seen("cue").size(), "follow-ups bring no new cue: " + ws.seen("cue"));
    }
  }
}

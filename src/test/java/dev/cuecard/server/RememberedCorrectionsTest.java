package dev.cuecard.server;

import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A correction is remembered: when the owner (or their partner) picks one of a card's alternatives,
 * the owner's later sessions bring that card for the same words, marked {@code remembered}; nobody
 * else's do; the owner lists and forgets their wordings over REST, and the export holds them.
 */
class RememberedCorrectionsTest extends ServerTestBase {
  private static final String ASKED = "what is the difference between a process and a thread";
  private static final String SHOWN = "cs-process-thread";

  /** Asks the question in a new session of the user's and returns the cue it brings. */
  private JsonObject cueFor(String token, String question) {
    try (WsClient ws = WsClient.connect(server, token, server.newSession(token))) {
      ws.snippet("interviewer", question, true, 1);
      JsonObject cue = ws.next("cue");
      ws.sync();
      return cue;
    }
  }

  /** Shows the question's card, picks its first alternative, and returns that card's id. */
  private String correct(String token) {
    try (WsClient ws = WsClient.connect(server, token, server.newSession(token))) {
      ws.snippet("interviewer", ASKED, true, 1);
      JsonObject cue = ws.next("cue");
      assertEquals(SHOWN, cue.getJsonObject("card").getString("id"), cue.encode());
      JsonArray alternatives = cue.getJsonArray("alternatives");
      assertTrue(alternatives != null && !alternatives.isEmpty(), cue.encode());
      String other = alternatives.getJsonObject(0).getString("id");
      ws.send(new JsonObject().put("type", "ask").put("cardId", other).put("seq", 2));
      assertEquals(other, ws.next("cue").getJsonObject("card").getString("id"));
      ws.sync();
      return other;
    }
  }

  /** The user's remembered wordings, once there are {@code n} (the store write follows the ask). */
  private JsonArray wordings(String token, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      TestServer.Response r = server.call("GET", "/api/remembered", token, (String) null);
      assertEquals(200, r.status(), r.body());
      JsonArray list = r.json().getJsonArray("wordings");
      if (list.size() == n || System.currentTimeMillis() > deadline) {
        assertEquals(n, list.size(), r.body());
        return list;
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aCorrectionBringsThePickedCardForTheSameWordsInTheOwnersSessionsOnly() throws Exception {
    String alice = server.newUser();
    String bob = server.newUser();
    String picked = correct(alice);
    JsonObject w = wordings(alice, 1).getJsonObject(0);
    assertEquals(ASKED, w.getString("wording"));
    assertEquals(picked, w.getString("cardId"));
    assertTrue(!w.getString("question").isBlank(), "listed with the card's question: " + w.encode());

    JsonObject again = cueFor(alice, ASKED);
    assertEquals(picked, again.getJsonObject("card").getString("id"), again.encode());
    assertEquals("remembered", again.getString("source"));
    assertEquals(server.call("GET", "/api/questions/" + picked, alice, (String) null).json().getString("question"),
        again.getJsonObject("card").getString("question"), "the bank's card itself, not a stand-in");

    JsonObject other = cueFor(bob, ASKED);
    assertEquals(SHOWN, other.getJsonObject("card").getString("id"), "another user's sessions are unchanged");
    assertNotEquals("remembered", other.getString("source"));
    assertEquals(0, server.call("GET", "/api/remembered", bob, (String) null).json().getJsonArray("wordings").size());

    // forgetting it brings the bank's own decision back
    TestServer.Response bad = server.call("DELETE", "/api/remembered/abc", alice, (String) null);
    assertEquals(404, bad.status());
    assertTrue(bad.json().getString("message").contains("remembered wording"), bad.body());
    assertEquals(404, server.call("DELETE", "/api/remembered/" + w.getLong("id"), bob, (String) null).status(),
        "nobody forgets another user's wording");
    assertEquals(204, server.call("DELETE", "/api/remembered/" + w.getLong("id"), alice, (String) null).status());
    assertEquals(SHOWN, cueFor(alice, ASKED).getJsonObject("card").getString("id"));

    // and forgetting all of them
    correct(alice);
    wordings(alice, 1);
    TestServer.Response all = server.call("DELETE", "/api/remembered", alice, (String) null);
    assertEquals(200, all.status(), all.body());
    assertEquals(1, all.json().getInteger("forgotten"));
    assertEquals(SHOWN, cueFor(alice, ASKED).getJsonObject("card").getString("id"));
  }

  /**
   * With the model on, the remembered words bring the picked card (by their words, a few added
   * words included), but words that only mean the same do not: a remembered wording never decides
   * by meaning alone, which in simulation brought nothing words did not and took a neighbour's
   * question (docs/matching.md, "Remembered corrections").
   */
  @Test
  void withTheModelOnRememberedWordsBringTheCardByTheirWordsOnly(io.vertx.core.Vertx vertx) throws Exception {
    server.close();
    server = TestServer.startSemantic(vertx, dir.resolve("semantic"), b -> b);
    String token = server.newUser();
    String picked;
    JsonObject before = cueFor(token, "tell me what the ellipsis is used for in python code"); // nothing remembered yet
    try (WsClient ws = WsClient.connect(server, token, server.newSession(token))) {
      ws.snippet("interviewer", "what does the ellipsis object do in python", true, 1);
      JsonObject fallback = ws.next("cue");
      assertEquals(true, fallback.getBoolean("fallback"), fallback.encode());
      picked = fallback.getJsonArray("related").getJsonObject(0).getString("id");
      ws.send(new JsonObject().put("type", "ask").put("cardId", picked).put("seq", 2));
      ws.next("cue");
      ws.sync();
    }
    wordings(token, 1);
    JsonObject again = cueFor(token, "okay so what does the ellipsis object do in python");
    assertEquals(picked, again.getJsonObject("card").getString("id"), again.encode());
    assertEquals("remembered", again.getString("source"));
    JsonObject reworded = cueFor(token, "tell me what the ellipsis is used for in python code");
    assertNotEquals("remembered", reworded.getString("source"), reworded.encode());
    assertEquals(before.getJsonObject("card").getString("id"), reworded.getJsonObject("card").getString("id"),
        "words that only mean the same keep the bank's decision");
  }

  @Test
  void anAskThatCorrectsNothingIsNotRemembered() throws Exception {
    String token = server.newUser();
    try (WsClient ws = WsClient.connect(server, token, server.newSession(token))) {
      ws.send(new JsonObject().put("type", "ask").put("cardId", "py-gil").put("seq", 1)); // no card on screen
      ws.next("cue");
      ws.snippet("interviewer", ASKED, true, 2);
      ws.next("cue");
      ws.send(new JsonObject().put("type", "ask").put("cardId", "py-decorators").put("seq", 3)); // not listed: browsing
      ws.next("cue");
      ws.sync();
    }
    Thread.sleep(300);
    wordings(token, 0);
  }

  /**
   * After the fact, from a review: the words a cue was shown for are tied to the right card over
   * REST, and the user's next sessions bring it for those words; what cannot be a question or
   * names no card of the bank gets a specific 400, and an invite token cannot add to the owner's.
   */
  @Test
  void aReviewTiesTheWordsAQuestionWasHeardInToTheRightCard() throws Exception {
    String token = server.newUser();
    String heard = "so " + ASKED;
    assertEquals(SHOWN, cueFor(token, heard).getJsonObject("card").getString("id"));
    TestServer.Response added = server.call("POST", "/api/remembered", token,
        new JsonObject().put("heard", "  so " + ASKED.replace(" ", "  ") + " ").put("cardId", "py-gil"));
    assertEquals(201, added.status(), added.body());
    assertEquals(heard, added.json().getString("wording"), "trimmed and single-spaced");
    assertEquals("py-gil", added.json().getString("cardId"));
    assertEquals(server.call("GET", "/api/questions/py-gil", token, (String) null).json().getString("question"),
        added.json().getString("question"));
    JsonObject again = cueFor(token, heard);
    assertEquals("py-gil", again.getJsonObject("card").getString("id"), again.encode());
    assertEquals("remembered", again.getString("source"));

    // the same words again replace what they asked for; nothing else is added
    assertEquals(201, server.call("POST", "/api/remembered", token,
        new JsonObject().put("heard", heard).put("cardId", "cs-process-thread")).status());
    assertEquals("cs-process-thread", wordings(token, 1).getJsonObject(0).getString("cardId"));

    record Bad(String body, String error, String field) { }
    for (Bad bad : List.of(
        new Bad(new JsonObject().put("heard", "why is that").put("cardId", "py-gil").encode(), "invalid_wording", "heard"),
        new Bad(new JsonObject().put("heard", "word ".repeat(80)).put("cardId", "py-gil").encode(), "invalid_wording", "heard"),
        new Bad(new JsonObject().put("heard", heard).put("cardId", "no-such-card").encode(), "unknown_card", "cardId"),
        new Bad(new JsonObject().put("heard", 42).put("cardId", "py-gil").encode(), "invalid_field", null),
        new Bad(new JsonObject().put("heard", heard).encode(), "invalid_field", null),
        new Bad("[1, 2]", "bad_json", null))) {
      TestServer.Response r = server.call("POST", "/api/remembered", token, bad.body());
      assertEquals(400, r.status(), bad.body() + " -> " + r.body());
      assertEquals(bad.error(), r.json().getString("error"), r.body());
      if (bad.field() != null) {
        assertEquals(bad.field(), r.json().getString("field"), r.body());
      }
    }
    assertEquals(1, wordings(token, 1).size(), "nothing stored by a rejected request");

    String session = server.newSession(token);
    String invite = server.call("POST", "/api/sessions/" + session + "/invites", token, "{}").json().getString("token");
    assertEquals(403, server.call("POST", "/api/remembered", invite,
        new JsonObject().put("heard", heard).put("cardId", "py-gil")).status(), "a partner's invite adds nothing");
    assertEquals(401, server.call("POST", "/api/remembered", null,
        new JsonObject().put("heard", heard).put("cardId", "py-gil")).status());
  }
}

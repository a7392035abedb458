package dev.cuecard.server;

import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cue put right in the review ({@code POST /api/sessions/{id}/corrections}): the answer given
 * to it is scored again against the card really asked, its partner rating moves with it, the
 * drills count that card, the words are remembered for it, and the transcript keeps the cue as it
 * was shown; bad requests get specific errors and another user's session is out of reach.
 */
class ReviewCorrectionTest extends ServerTestBase {
  private static final String ASKED = "what is the difference between a process and a thread";
  private static final String ANSWER = "in cpython only one thread runs bytecode at a time because of the lock"
      + " so for cpu bound work i would use multiprocessing";

  private JsonObject summary(String token, String session) {
    return server.call("GET", "/api/sessions/" + session + "/summary", token, (String) null).json();
  }

  /** The session's summary once its answers are stored (the room stores an answer when it closes). */
  private JsonObject summaryWithAnswers(String token, String session, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject s = summary(token, session);
    while (s.getJsonArray("answers").size() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      s = summary(token, session);
    }
    assertEquals(n, s.getJsonArray("answers").size(), s.encode());
    return s;
  }

  /** The first cue the transcript lists, once stored (on PostgreSQL the transcript is written a moment later). */
  private JsonObject firstCue(String token, String session) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      Optional<JsonObject> cue = server.call("GET", "/api/sessions/" + session + "/transcript", token,
              (String) null).json().getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(i -> i.getString("kind").equals("cue")).findFirst();
      if (cue.isPresent() || System.currentTimeMillis() > deadline) {
        return cue.orElseThrow(() -> new AssertionError("no cue in the transcript after 10 s"));
      }
      Thread.sleep(50);
    }
  }

  private TestServer.Response correct(String token, String session, Object shownAt, Object cardId) {
    return server.call("POST", "/api/sessions/" + session + "/corrections", token,
        new JsonObject().put("shownAt", shownAt).put("cardId", cardId));
  }

  @Test
  void theAnswerIsScoredAgainstTheCardReallyAskedAndItsWordsAreRemembered() throws Exception {
    String token = server.newUser();
    String session = server.newSession(token);
    try (WsClient candidate = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server, token, session, "?role=partner")) {
      partner.next("welcome");
      partner.snippet("interviewer", ASKED, true, 1);
      assertEquals("cs-process-thread", candidate.next("cue").getJsonObject("card").getString("id"));
      candidate.snippet("candidate", ANSWER, true, 1);
      candidate.next("ack");
      partner.send(new JsonObject().put("type", "rate").put("score", 4).put("note", "name the gil"));
      assertEquals(4, candidate.next("rating").getInteger("score"));
      partner.snippet("interviewer", "okay thanks let's move on to something else", true, 2);
      partner.sync();
    }
    JsonObject before = summaryWithAnswers(token, session, 1).getJsonArray("answers").getJsonObject(0);
    assertEquals("cs-process-thread", before.getString("cardId"));
    assertEquals(1, before.getJsonArray("ratings").size());
    long shownAt = before.getLong("shownAt");
    JsonObject cue = firstCue(token, session);
    assertEquals(shownAt, cue.getLong("at"), "the answer is to the cue the transcript lists");

    TestServer.Response r = correct(token, session, shownAt, "py-gil");
    assertEquals(200, r.status(), r.body());
    assertEquals(ASKED, r.json().getJsonObject("remembered").getString("wording"));
    JsonObject again = r.json().getJsonArray("answers").getJsonObject(0);
    assertEquals("py-gil", again.getString("cardId"));
    assertEquals("cs-process-thread", again.getString("correctedFrom"));
    assertEquals(List.of("one thread executes bytecode at a time in CPython", "multiprocessing for CPU-bound work"),
        again.getJsonArray("covered").getList(), again.encode());
    assertEquals(0.5, again.getDouble("coverage"));
    assertEquals(before.getInteger("words"), again.getInteger("words"), "what happened in the answer stays");

    JsonObject after = summary(token, session).getJsonArray("answers").getJsonObject(0);
    assertEquals("py-gil", after.getString("cardId"));
    assertEquals("name the gil", after.getJsonArray("ratings").getJsonObject(0).getString("note"), "the rating moves with it");
    JsonArray drills = server.call("GET", "/api/drills?limit=100", token, (String) null).json().getJsonArray("next");
    assertTrue(drills.stream().map(JsonObject.class::cast).anyMatch(d -> d.getString("cardId").equals("py-gil")), drills.encode());
    assertTrue(drills.stream().map(JsonObject.class::cast).noneMatch(d -> d.getString("cardId").equals("cs-process-thread")));
    JsonObject shown = firstCue(token, session);
    assertEquals("cs-process-thread", shown.getString("cardId"), "the transcript keeps what was shown");

    // corrected twice: the answer keeps the card it was first shown with as correctedFrom
    JsonObject twice = correct(token, session, shownAt, "py-threading-multiprocessing").json()
        .getJsonArray("answers").getJsonObject(0);
    assertEquals("cs-process-thread", twice.getString("correctedFrom"));
    correct(token, session, shownAt, "py-gil");

    // the next session brings the card for those words
    try (WsClient ws = WsClient.connect(server, token, server.newSession(token))) {
      ws.snippet("interviewer", ASKED, true, 1);
      JsonObject next = ws.next("cue");
      assertEquals("py-gil", next.getJsonObject("card").getString("id"));
      assertEquals("remembered", next.getString("source"));
      ws.sync();
    }

    // bad requests, and other people's sessions
    assertEquals(404, correct(token, session, shownAt + 1, "py-gil").status());
    TestServer.Response unknown = correct(token, session, shownAt, "no-such-card");
    assertEquals(400, unknown.status());
    assertEquals("unknown_card", unknown.json().getString("error"));
    assertEquals("cardId", unknown.json().getString("field"));
    assertEquals("invalid_field", correct(token, session, "yesterday", "py-gil").json().getString("error"));
    assertEquals("invalid_field", correct(token, session, 1.5, "py-gil").json().getString("error"));
    assertEquals("invalid_field", correct(token, session, shownAt, 7).json().getString("error"));
    assertEquals(400, server.call("POST", "/api/sessions/" + session + "/corrections", token, "not json").status());
    String other = server.newUser();
    assertEquals(403, correct(other, session, shownAt, "py-gil").status());
    assertEquals(404, correct(token, "no-such-session", shownAt, "py-gil").status());
    assertEquals("py-gil", summary(token, session).getJsonArray("answers").getJsonObject(0).getString("cardId"),
        "nothing changed by a rejected request");
  }

  @Test
  void aCueWithoutAStoredAnswerOrEnoughWordsIsStillCorrected() throws Exception {
    String token = server.newUser();
    String session = server.newSession(token);
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "explain the gil", true, 1);
      assertEquals("py-gil", ws.next("cue").getJsonObject("card").getString("id"));
      ws.sync();
    }
    JsonObject cue = firstCue(token, session);
    TestServer.Response r = correct(token, session, cue.getLong("at"), "py-threading-multiprocessing");
    assertEquals(200, r.status(), r.body());
    assertNull(r.json().getValue("remembered"), "three words are too few to remember");
    assertEquals(0, r.json().getJsonArray("answers").size(), "no answer was given");
  }
}

package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live coaching over a real WebSocket: coverage, stage, nudges, answer records, partner signals, summary. */
class CoachingLiveTest extends SessionTestBase {
  private JsonObject summary() {
    TestServer.Response r = server.call("GET", "/api/sessions/" + session + "/summary", token, (String) null);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void anAnswerIsFollowedPointByPointAndSummarised() throws InterruptedException {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "so what's the difference between select related and prefetch related", true, 1);
      assertEquals("orm-select-vs-prefetch", ws.next("cue").getJsonObject("card").getString("id"));
      ws.snippet("candidate", "select related is a way to follow a foreign key with a sql join", false, 2);
      JsonObject cov = ws.next("coverage");
      assertEquals(2, cov.getInteger("covered"), cov.encodePrettily());
      assertEquals("Definition", ws.next("stage").getString("stage"));
      // the same words again, now final: nothing new, so no coverage message
      ws.snippet("candidate", "select related is a way to follow a foreign key with a sql join", true, 3);
      ws.snippet("candidate", "prefetch related works by running a separate query and joining in python so it"
          + " handles many to many", true, 4);
      JsonObject cov2 = ws.next("coverage");
      assertEquals(4, cov2.getInteger("covered"));
      ws.snippet("candidate", "the trade off is a big join can be slower", true, 5);
      while (ws.seen("ack").size() < 4) {
        ws.next("ack");
      }
      ws.sync();
      assertEquals(2, ws.seen("coverage").size(), "coverage is pushed only when it changes: " + ws.seen("coverage"));
      assertEquals("Trade-off", ws.seen("stage").get(ws.seen("stage").size() - 1).getString("stage"));

      ws.snippet("interviewer", "mm hmm", true, 6);
      ws.sync();
      assertTrue(ws.seen("answer").isEmpty(), "a short acknowledgement does not end the answer");
      ws.snippet("interviewer", "great, and what are django signals and when should you avoid them", true, 7);
      JsonObject answer = ws.next("answer");
      assertEquals("orm-select-vs-prefetch", answer.getString("cardId"));
      assertEquals(4, answer.getJsonArray("covered").size());
      assertTrue(answer.getJsonArray("structure").contains("Trade-off"));
      assertEquals("django-signals", ws.next("cue").getJsonObject("card").getString("id"));
      ws.next("ack");
    }
    // the ack covers the utterance; the cue is written beside it, and on PostgreSQL's pool it may land a moment later
    JsonObject s = summary();
    for (int i = 0; i < 50 && s.getJsonObject("totals").getInteger("questionsAsked") < 2; i++) {
      Thread.sleep(100);
      s = summary();
    }
    JsonArray answers = s.getJsonArray("answers");
    assertEquals(1, answers.size(), "the open answer to the second card has no candidate speech yet");
    JsonObject a = answers.getJsonObject(0);
    assertEquals(0.667, a.getDouble("coverage"));
    assertEquals(0, a.getInteger("fillers"));
    assertTrue(a.getInteger("words") > 30);
    JsonObject totals = s.getJsonObject("totals");
    assertEquals(2, totals.getInteger("questionsAsked"));
    assertEquals(1, totals.getInteger("answers"));
    assertEquals(0.667, totals.getDouble("averageCoverage"));
    JsonObject talk = totals.getJsonObject("talk");
    assertTrue(talk.getDouble("candidateShare") > 0.6, talk.encode());
  }

  @Test
  void aPartnerAsksRatesAndTakesNotes() {
    try (WsClient candidate = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server, token, session, "?role=partner")) {
      assertEquals("partner", partner.next("welcome").getString("role"));
      partner.send(new JsonObject().put("type", "ask").put("cardId", "beh-conflict").put("seq", 1));
      assertEquals(1, partner.next("ack").getLong("seq"));
      JsonObject cue = candidate.next("cue");
      assertEquals("beh-conflict", cue.getJsonObject("card").getString("id"));
      assertEquals("ask", cue.getString("source"));
      JsonObject asked = candidate.next("transcript"); // echoed once stored, after the cue
      assertEquals("interviewer", asked.getString("speaker"));
      assertEquals("Tell me about a time you had a conflict with a teammate", asked.getString("text"));

      candidate.snippet("candidate", "at my last job i disagreed with a teammate so i listened and we agreed"
          + " and as a result we shipped two weeks early", true, 1);
      candidate.next("ack");
      partner.send(new JsonObject().put("type", "rate").put("score", 4).put("note", "clear, add more detail"));
      JsonObject rating = candidate.next("rating");
      assertEquals(4, rating.getInteger("score"));
      assertEquals("beh-conflict", rating.getString("cardId"));
      partner.send(new JsonObject().put("type", "note").put("text", "good eye contact"));
      assertEquals("good eye contact", candidate.next("note").getString("text"));

      partner.send(new JsonObject().put("type", "rate").put("score", 9));
      assertEquals("invalid_message", partner.next("error").getString("code"));
      partner.send(new JsonObject().put("type", "ask").put("cardId", "no-such-card").put("seq", 2));
      JsonObject err = partner.next("error");
      assertTrue(err.getString("message").contains("no-such-card"), err.encode());
      partner.snippet("candidate", "partners speak as the interviewer", true, 3);
      assertEquals("forbidden", partner.next("error").getString("code"));
      partner.sync();
    }
    // the answer closes when the room winds down; its rating is attached in the summary
    try (WsClient observer = WsClient.open(server, token, session, "?role=observer")) {
      observer.next("welcome");
      observer.send(new JsonObject().put("type", "note").put("text", "sneaky"));
      assertEquals("forbidden", observer.next("error").getString("code"));
    }
    long deadline = System.currentTimeMillis() + 10_000;
    JsonObject s = summary();
    while (s.getJsonArray("answers").isEmpty() && System.currentTimeMillis() < deadline) {
      s = summary();
    }
    JsonObject a = s.getJsonArray("answers").getJsonObject(0);
    assertEquals(4, a.getJsonArray("ratings").getJsonObject(0).getInteger("score"));
    assertEquals(List.of("Situation", "Action", "Result"), a.getJsonArray("structure").getList());
    assertTrue(a.getBoolean("metricStated"));
    assertEquals("good eye contact", s.getJsonArray("notes").getJsonObject(0).getString("text"));
    assertEquals(4.0, s.getJsonObject("totals").getDouble("averageRating"));

    JsonObject t = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    List<String> kinds = t.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("kind")).toList();
    assertEquals(List.of("utterance", "cue", "utterance", "rating", "note"), kinds);
    String md = server.call("GET", "/api/sessions/" + session + "/transcript?format=md", token, (String) null).body();
    assertTrue(md.contains("> Partner rating: 4/5 — clear, add more detail"), md);
  }

  @Test
  void nudgesCanBeSwitchedOffPerSessionAndTheChoiceIsKept() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.send(new JsonObject().put("type", "settings").put("nudges", new JsonObject().put("no_metric", false)));
      JsonObject settings = ws.next("settings");
      assertFalse(settings.getJsonObject("nudges").getBoolean("no_metric"));
      assertTrue(settings.getJsonObject("nudges").getBoolean("overtime"));
      ws.send(new JsonObject().put("type", "settings").put("nudges", new JsonObject().put("nagging", false)));
      assertTrue(ws.next("error").getString("message").contains("unknown nudge kind 'nagging'"));

      ws.snippet("interviewer", "tell me about a time you failed", true, 1);
      ws.next("cue");
      ws.snippet("candidate", "at my last job i made a mistake in a migration so i rolled it back and in the end"
          + " we added a test", true, 2);
      ws.next("stage");
      ws.sync();
      assertTrue(ws.seen("nudge").isEmpty(), "no_metric is off: " + ws.seen("nudge"));
    }
    server.restart();
    try (WsClient ws = WsClient.connect(server, token, session)) {
      assertEquals("beh-failure", ws.seen("welcome").get(0).getJsonObject("cue").getJsonObject("card").getString("id"),
          "a restarted room shows the card that was up, restored from the store");
      ws.snippet("interviewer", "tell me about a time you had a conflict with a teammate", true, 3);
      ws.next("cue");
      ws.snippet("candidate", "at my last job i disagreed with a colleague so i listened and in the end we agreed",
          true, 4);
      ws.next("ack");
      ws.sync();
      assertTrue(ws.seen("nudge").isEmpty(), "the setting survived the restart: " + ws.seen("nudge"));
    }
  }

  @Test
  void designQuestionsOpenWithAClarifyNudge() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "how would you design a rate limiter", true, 1);
      assertEquals("design-rate-limiter", ws.next("cue").getJsonObject("card").getString("id"));
      JsonObject nudge = ws.next("nudge");
      assertEquals("clarify", nudge.getString("kind"));
      assertTrue(nudge.getString("text").startsWith("Ask first: "));
      assertFalse(nudge.getString("reason").isBlank());
    }
  }
}

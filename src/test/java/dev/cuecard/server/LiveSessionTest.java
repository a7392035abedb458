package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end over a real WebSocket: snippets in, transcript echoes, cues and acks out. */
class LiveSessionTest extends SessionTestBase {
  @Test
  void interimAndFinalSnippetsOfOneQuestionGiveExactlyOneMatchingCue() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "so what's the", false, 1);
      ws.snippet("interviewer", "so what's the difference between", false, 2);
      ws.snippet("interviewer", "so what's the difference between select related and", false, 3);
      ws.snippet("interviewer", "so what's the difference between select related and prefetch related", true, 4);
      JsonObject ack = ws.next("ack");
      assertEquals(4, ack.getLong("seq"));
      assertFalse(ack.getBoolean("duplicate"));
      ws.sync();
      List<JsonObject> cues = ws.seen("cue");
      assertEquals(1, cues.size(), "cues: " + cues);
      JsonObject card = cues.get(0).getJsonObject("card");
      assertEquals("orm-select-vs-prefetch", card.getString("id"));
      assertTrue(card.getString("question").contains("select_related"));
      assertFalse(card.getJsonArray("keyPoints").isEmpty());
      assertFalse(card.getJsonArray("followUps").isEmpty());
      assertFalse(card.getJsonArray("reminders").isEmpty());
      assertEquals("TECHNICAL", card.getString("framework"));
      assertEquals(4, ws.seen("transcript").size(), "every snippet is echoed");
    }
  }

  @Test
  void candidateSpeechAndSmallTalkNeverReplaceTheCurrentCard() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "tell me about a time you had a conflict with a teammate", true, 1);
      assertEquals("beh-conflict", ws.next("cue").getJsonObject("card").getString("id"));
      ws.snippet("candidate", "so what's the difference between select related and prefetch related, well", true, 2);
      ws.snippet("interviewer", "hi how is your day going so far", true, 3);
      ws.snippet("interviewer", "we use celery and redis for background jobs here", true, 4);
      ws.snippet("interviewer", "tell me about a time you had a conflict with a teammate", true, 5);
      assertTrue(ws.sync().stream().noneMatch(m -> "cue".equals(m.getString("type"))),
          "no new cue for candidate speech, small talk, statements or the current question: " + ws.seen());
      ws.snippet("interviewer", "how do you run background jobs with celery", true, 6);
      assertEquals("design-celery", ws.next("cue").getJsonObject("card").getString("id"));
    }
  }

  @Test
  void everyParticipantSeesTranscriptAndCues() {
    try (WsClient candidate = WsClient.connect(server, token, session);
         WsClient observer = WsClient.open(server, token, session, "?role=observer")) {
      JsonObject welcome = observer.next("welcome");
      assertEquals("observer", welcome.getString("role"));
      candidate.snippet("interviewer", "what are django signals and when should you avoid them", true, 1);
      // the cue is pushed on arrival; the final's echo follows once it is stored
      assertEquals("django-signals", observer.next("cue").getJsonObject("card").getString("id"));
      JsonObject echo = observer.next("transcript");
      assertEquals("interviewer", echo.getString("speaker"));
      assertEquals("what are django signals and when should you avoid them", echo.getString("text"));

      observer.snippet("interviewer", "hello", true, 1);
      JsonObject err = observer.next("error");
      assertEquals("forbidden", err.getString("code"));
    }
  }

  @Test
  void theCurrentCueIsInTheWelcomeOfALaterConnection() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "what is a decorator in python", true, 1);
      ws.next("cue");
      ws.next("ack");
    }
    WsClient ws = WsClient.open(server, token, session, "");
    try (ws) {
      JsonObject welcome = ws.next("welcome");
      assertEquals(1, welcome.getLong("lastSeq"));
      assertEquals("py-decorators", welcome.getJsonObject("cue").getJsonObject("card").getString("id"));
    }
  }

  @Test
  void aResentFinalSnippetIsAckedAsDuplicateAndStoredOnce() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("candidate", "first answer", true, 1);
      ws.snippet("candidate", "second answer", true, 2);
      ws.next("ack");
      ws.next("ack");
    }
    // reconnect, as a client would after a dropped connection, and resend what it was unsure of
    WsClient again = WsClient.open(server, token, session, "");
    try (again) {
      assertEquals(2, again.next("welcome").getLong("lastSeq"));
      again.snippet("candidate", "second answer", true, 2);
      JsonObject ack = again.next("ack");
      assertEquals(2, ack.getLong("seq"));
      assertTrue(ack.getBoolean("duplicate"));
      again.snippet("candidate", "third answer", true, 3);
      assertFalse(again.next("ack").getBoolean("duplicate"));
    }
    JsonObject transcript = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    List<String> texts = transcript.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("text")).toList();
    assertEquals(List.of("first answer", "second answer", "third answer"), texts);
  }

  @Test
  void aNewConnectionOfTheSameParticipantReplacesTheOldOne() {
    WsClient first = WsClient.connect(server, token, session);
    try (first; WsClient second = WsClient.connect(server, token, session)) {
      assertEquals(LiveSocket.CLOSE_REPLACED, first.awaitClose());
      second.snippet("candidate", "still here", true, 1);
      assertEquals(1, second.next("ack").getLong("seq"));
    }
  }

  @Test
  void deletingASessionClosesItsSockets() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.sync();
      assertEquals(204, server.call("DELETE", "/api/sessions/" + session, token, (String) null).status());
      assertEquals("session_deleted", ws.next("error").getString("code"));
      assertEquals(4404, ws.awaitClose());
    }
  }

  @Test
  void transcriptIsOrderedJsonAndMarkdown() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "how do django migrations work", true, 1);
      ws.next("ack");
      ws.snippet("candidate", "makemigrations writes *operations* and migrate applies them", true, 2);
      ws.next("ack");
    }
    JsonObject t = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    assertEquals(session, t.getString("id"));
    List<String> kinds = t.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("kind")).toList();
    assertEquals(List.of("utterance", "cue", "utterance"), kinds, "a cue follows the question it answered");
    JsonObject cue = t.getJsonArray("items").getJsonObject(1);
    assertEquals("orm-migrations", cue.getString("cardId"));
    assertEquals("candidate", t.getJsonArray("items").getJsonObject(2).getString("speaker"));

    TestServer.Response md = server.call("GET", "/api/sessions/" + session + "/transcript?format=md", token,
        (String) null);
    assertEquals(200, md.status());
    assertTrue(md.contentType().startsWith("text/markdown"));
    assertTrue(md.body().contains("**Interviewer:** how do django migrations work"), md.body());
    assertTrue(md.body().contains("\\*operations\\*"), "spoken text is escaped: " + md.body());
    assertTrue(md.body().contains("> Cue card: How do Django migrations work?"), md.body());

    assertEquals(400, server.call("GET", "/api/sessions/" + session + "/transcript?format=pdf", token,
        (String) null).status());
  }
}

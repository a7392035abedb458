package dev.cuecard.server;

import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restarts lose nothing that was acked; health, metrics and the web client are served. */
class PersistenceAndOpsTest extends ServerTestBase {
  @Test
  void everythingAckedSurvivesARestart() {
    String token = server.newUser();
    String session = server.newSession(token);
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "what are generators in python", true, 1);
      for (int seq = 2; seq <= 20; seq++) {
        ws.snippet("candidate", "answer part " + seq, true, seq);
      }
      for (int i = 0; i < 20; i++) {
        ws.next("ack");
      }
    }
    server.restart();
    JsonObject t = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    assertEquals(21, t.getJsonArray("items").size(), "20 utterances and 1 cue");
    assertEquals("py-generators", t.getJsonArray("items").getJsonObject(1).getString("cardId"));
    try (WsClient ws = WsClient.open(server, token, session, "")) {
      assertEquals(20, ws.next("welcome").getLong("lastSeq"), "the seq high-water mark is restored from the store");
      ws.snippet("candidate", "answer part 20", true, 20);
      assertTrue(ws.next("ack").getBoolean("duplicate"));
    }
  }

  @Test
  void healthAndMetrics() {
    JsonObject health = server.call("GET", "/health", null, (String) null).json();
    assertEquals("up", health.getString("status"));
    assertTrue(health.getBoolean("storing"), "live writes are stored unless the benchmark switch is on");
    assertTrue(health.getInteger("cards") >= 40);

    String token = server.newUser();
    String session = server.newSession(token);
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "what is a context manager in python", false, 1);
      ws.snippet("interviewer", "what is a context manager in python", true, 2);
      ws.next("ack");
      ws.sendText("{bad");
      ws.next("error");
      TestServer.Response m = server.call("GET", "/metrics", null, (String) null);
      assertEquals(200, m.status());
      assertTrue(m.contentType().startsWith("text/plain"));
      assertEquals(1, metric(m.body(), "cuecard_websocket_connections"));
      assertEquals(1, metric(m.body(), "cuecard_snippets_total{final=\"false\"}"));
      assertEquals(1, metric(m.body(), "cuecard_snippets_total{final=\"true\"}"));
      assertEquals(1, metric(m.body(), "cuecard_cues_total"));
      assertEquals(1, metric(m.body(), "cuecard_errors_total{code=\"bad_json\"}"));
      assertEquals(2, metric(m.body(), "cuecard_match_latency_seconds_count"));
      assertTrue(m.body().contains("cuecard_match_latency_seconds_bucket{le=\"0.001\"}"), m.body());
      assertEquals(1, server.call("GET", "/health", null, (String) null).json().getInteger("liveSessions"));
    }
  }

  @Test
  void theWebClientIsServed() {
    TestServer.Response index = server.call("GET", "/", null, (String) null);
    assertEquals(200, index.status());
    assertTrue(index.contentType().startsWith("text/html"));
    assertTrue(index.body().contains("Cuecard"));
    assertEquals(200, server.call("GET", "/app.js", null, (String) null).status());
    assertEquals(404, server.call("GET", "/no-such-file.js", null, (String) null).status());
  }

  private static long metric(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.eE+-]+)").matcher(text);
    assertTrue(m.find(), name + " in\n" + text);
    return (long) Double.parseDouble(m.group(1));
  }
}

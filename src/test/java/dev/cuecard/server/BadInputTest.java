package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad WebSocket input gets a specific error (or a clean close) and the server keeps serving. */
class BadInputTest extends SessionTestBase {
  @Override
  protected Config config() {
    return TestServer.builder(dir)
        .set(ConfigKey.WS_MAX_MESSAGE_BYTES, 16 * 1024)
        .set(ConfigKey.WS_RATE_PER_SECOND, 20)
        .set(ConfigKey.WS_RATE_BURST, 40)
        .build();
  }

  private static String errorFor(WsClient ws, String text) {
    ws.sendText(text);
    JsonObject e = ws.next("error");
    assertTrue(e.getString("message").length() > 10, "a human-readable message: " + e);
    return e.getString("code");
  }

  @Test
  void malformedAndInvalidMessagesGetSpecificErrorsAndTheConnectionStaysUsable() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      assertEquals("bad_json", errorFor(ws, "{not json"));
      assertEquals("bad_json", errorFor(ws, "[1,2,3]"));
      assertEquals("invalid_message", errorFor(ws, "{\"speaker\":\"interviewer\"}"));
      assertEquals("unknown_type", errorFor(ws, "{\"type\":\"launch_missiles\"}"));
      assertEquals("unsupported_version", errorFor(ws, "{\"type\":\"snippet\",\"v\":2}"));
      String base = "{\"type\":\"snippet\",\"speaker\":\"interviewer\",\"text\":\"hi\",\"final\":true,\"seq\":1";
      assertEquals("invalid_message", errorFor(ws, base.replace("interviewer", "narrator") + "}"));
      assertEquals("invalid_message", errorFor(ws, base.replace("\"hi\"", "\"   \"") + "}"));
      assertEquals("invalid_message", errorFor(ws, base.replace("\"hi\"", "42") + "}"));
      assertEquals("invalid_message", errorFor(ws, base.replace("true", "\"yes\"") + "}"));
      assertEquals("invalid_message", errorFor(ws, base.replace("\"seq\":1", "\"seq\":0") + "}"));
      assertEquals("invalid_message", errorFor(ws, base.replace("\"seq\":1", "\"seq\":1.5") + "}"));
      assertEquals("invalid_message", errorFor(ws, base + ",\"ts\":\"yesterday\"}"));
      assertEquals("invalid_message", errorFor(ws, base + ",\"typed\":\"yes\"}"));
      JsonObject err = new JsonObject(ws.seen("error").get(4).encode());
      assertEquals("error", err.getString("type"));

      ws.snippet("interviewer", "what is a python generator", true, 1);
      assertEquals(1, ws.next("ack").getLong("seq"), "still serving after all that");
    }
  }

  @Test
  void oversizedBinaryAndLongTextAreRefusedWithoutClosing() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      String big = "{\"type\":\"snippet\",\"speaker\":\"candidate\",\"final\":true,\"seq\":1,\"text\":\""
          + "a".repeat(17 * 1024) + "\"}";
      assertEquals("too_large", errorFor(ws, big));
      ws.sendBinary(new byte[] {1, 2, 3});
      assertEquals("binary_not_supported", ws.next("error").getString("code"));
      String longText = "{\"type\":\"snippet\",\"speaker\":\"candidate\",\"final\":true,\"seq\":1,\"text\":\""
          + "word ".repeat(1000) + "\"}";
      assertEquals("invalid_message", errorFor(ws, longText));
      ws.snippet("candidate", "fine now", true, 1);
      assertEquals(1, ws.next("ack").getLong("seq"));
    }
  }

  @Test
  void aFrameBeyondTheTransportCapDropsOnlyThatConnection() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}");
      assertEquals("too_large", ws.next("error").getString("code"), "under the 1 MiB cap: an error, not a close");
      // the test client fragments this into 1 MiB frames, so the server sees the message outgrow its cap
      ws.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1100 * 1024) + "\"}");
      assertEquals(LiveSocket.CLOSE_TOO_BIG, ws.awaitClose());
      assertEquals("message too big", ws.closeReason());
    }
    try (WsClient again = WsClient.connect(server, token, session)) {
      again.sync();
    }
  }

  @Test
  void aFloodIsRateLimitedThenClosedWhileOthersKeepWorking() {
    try (WsClient flooder = WsClient.connect(server, token, session);
         WsClient other = WsClient.open(server, token, session, "?role=observer")) {
      other.next("welcome");
      for (int i = 0; i < 400 && sent(flooder); i++) {
        // keep sending until the server closes the connection (or 400 tries)
      }
      assertEquals(LiveSocket.CLOSE_POLICY, flooder.awaitClose());
      assertTrue(flooder.seen("error").stream().anyMatch(e -> "rate_limited".equals(e.getString("code"))),
          "warned before being closed: " + flooder.seen("error"));
      assertEquals("rate limit exceeded", flooder.closeReason());
      other.sync();
    }
    try (WsClient fresh = WsClient.connect(server, token, session)) {
      fresh.snippet("interviewer", "what is a python decorator", true, 1);
      assertEquals("py-decorators", fresh.next("cue").getJsonObject("card").getString("id"));
    }
  }

  private static boolean sent(WsClient ws) {
    try {
      ws.sendText("{\"type\":\"ping\"}");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}

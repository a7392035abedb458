package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The benchmark switch for the persistence A/B: the live path is unchanged, nothing live is stored. */
class DiscardWritesTest extends SessionTestBase {
  @Override
  protected Config config() {
    return TestServer.builder(dir).set(ConfigKey.BENCH_DISCARD_WRITES, true).build();
  }

  @Test
  void cuesAndAcksFlowButTheTranscriptStaysEmpty() {
    assertFalse(server.call("GET", "/health", null, (String) null).json().getBoolean("storing"));
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "what are generators in python", true, 1);
      assertEquals("py-generators", ws.next("cue").getJsonObject("card").getString("id"));
      assertFalse(ws.next("ack").getBoolean("duplicate"));
      ws.snippet("candidate", "a generator yields values lazily one at a time", true, 2);
      assertEquals(2, ws.next("ack").getLong("seq"));
    }
    JsonObject t = server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    assertEquals(0, t.getJsonArray("items").size(), "nothing of the live session was written");
  }
}

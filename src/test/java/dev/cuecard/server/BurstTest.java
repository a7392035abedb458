package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that sends thousands of finals at once (as one re-sending everything unacked after a
 * long outage does) gets every one stored and acked: the socket stops reading while 64 requests
 * wait for the store, instead of letting requests queue past the room's reply timeout.
 */
class BurstTest extends SessionTestBase {
  private static final int BURST = 3_000;

  @Override
  protected Config config() {
    return TestServer.builder(dir).set(ConfigKey.WS_RATE_PER_SECOND, 100_000).set(ConfigKey.WS_RATE_BURST, 100_000).build();
  }

  @Test
  void aBurstOfFinalsIsAllAckedWithoutTimeouts() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      for (long seq = 1; seq <= BURST; seq++) {
        ws.snippet("candidate", "part " + seq + " of a long answer", true, seq);
      }
      Map<Long, String> replies = ws.replies(BURST);
      assertTrue(replies.values().stream().allMatch("ack"::equals),
          "not acked: " + replies.entrySet().stream().filter(e -> !"ack".equals(e.getValue())).limit(5).toList());
    }
    assertEquals(BURST, server.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null)
        .json().getJsonArray("items").size());
  }
}

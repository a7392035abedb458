package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A revocation that reaches the store but whose announcement never arrives (the clustered event
 * bus delivers at most once) still ends the account's open sockets: each node checks them again
 * at half of {@code auth.tokenCheckSeconds}. The change is made beside the running server, so no
 * node announces it.
 */
class LostAnnouncementTest extends ServerTestBase {
  @Override
  protected Config config() {
    return TestServer.builder(dir).set(ConfigKey.AUTH_TOKEN_CHECK_SECONDS, 1).build();
  }

  @Test
  void aLogoutEverywhereNobodyAnnouncedClosesTheSocketWithinTheCheckPeriod() {
    String kept = server.newUser();
    String revoked = server.register("dora", "correct horse battery");
    try (WsClient other = WsClient.connect(server, kept, server.newSession(kept));
         WsClient live = WsClient.connect(server, revoked, server.newSession(revoked))) {
      live.sync();
      assertEquals(200, server.call("GET", "/api/me", revoked, (String) null).status(), "known, and cached");
      TestStore.execute(dir, "UPDATE users SET token_version = token_version + 1 WHERE username = 'dora'");
      // within 1.5 s by design; without the periodic check it never closes (the wait is slack for a busy machine)
      assertEquals(LiveSocket.CLOSE_TOKEN_REVOKED, live.awaitClose(10), "closed by the periodic check");
      assertEquals("token_revoked", live.latest("error").getString("code"));
      assertEquals(401, server.call("GET", "/api/me", revoked, (String) null).status());
      other.sync(); // a good token's socket lives through the same checks
      assertEquals(200, server.call("GET", "/api/me", kept, (String) null).status());
    }
  }
}

package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Use Cuecard on this computer": first run without a key, then only with the start-up link's key; never off loopback. */
@ExtendWith(VertxExtension.class)
class LocalAccessTest {
  @TempDir
  Path dir;

  @Test
  void theFirstVisitTakesTheLocalAccountAndLaterOnesNeedTheStartUpKey(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir)) {
      JsonObject status = server.call("GET", "/api/auth/local", null, (String) null).json();
      assertTrue(status.getBoolean("available"));
      assertFalse(status.getBoolean("keyNeeded"), "no accounts yet");
      TestServer.Response first = server.call("POST", "/api/auth/local", null, "{}");
      assertEquals(200, first.status(), first.body());
      String token = first.json().getString("token");
      String id = first.json().getJsonObject("user").getString("id");
      assertEquals("local", first.json().getJsonObject("user").getString("username"));
      assertEquals(200, server.call("GET", "/api/me", token, (String) null).status());

      assertTrue(server.call("GET", "/api/auth/local", null, (String) null).json().getBoolean("keyNeeded"));
      TestServer.Response again = server.call("POST", "/api/auth/local", null, "{}");
      assertEquals(403, again.status(), "once an account exists, a visit without the key is refused");
      assertEquals("local_key_required", again.error());
      assertEquals(403, server.call("POST", "/api/auth/local", null, new JsonObject().put("key", "guess")).status());

      String key = server.localKey();
      assertNotNull(key);
      TestServer.Response withKey = server.call("POST", "/api/auth/local", null, new JsonObject().put("key", key));
      assertEquals(200, withKey.status());
      assertEquals(id, withKey.json().getJsonObject("user").getString("id"), "the same account");

      TestServer.Response taken = server.call("POST", "/api/auth/register", null,
          new JsonObject().put("username", "local").put("password", "a long phrase here"));
      assertEquals(400, taken.status(), "the name is kept for this account");

      String session = server.newSession(token);
      assertEquals(204, server.call("DELETE", "/api/me", token, "{}").status(),
          "the local account is deleted without a password nobody knows");
      assertEquals(401, server.call("GET", "/api/sessions/" + session, token, (String) null).status());
    }
  }

  @Test
  void aServerNotBoundToLoopbackNeverOffersIt(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, TestServer.builder(dir).set(ConfigKey.SERVER_HOST, "0.0.0.0")
        .build())) {
      assertNull(server.localKey());
      assertFalse(server.call("GET", "/api/auth/local", null, (String) null).json().getBoolean("available"));
      TestServer.Response r = server.call("POST", "/api/auth/local", null, "{}");
      assertEquals(403, r.status());
      assertEquals("local_unavailable", r.error());
    }
  }
}

package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner invites (scoped, short-lived, revocable) and search across transcripts. */
class InviteAndSearchTest extends SessionTestBase {
  @Test
  void anInviteLetsAPartnerJoinOneSessionUntilRevoked() {
    TestServer.Response created = server.call("POST", "/api/sessions/" + session + "/invites", token,
        new JsonObject().put("ttlMinutes", 60));
    assertEquals(201, created.status(), created.body());
    String invite = created.json().getString("token");
    String inviteId = created.json().getString("id");
    assertTrue(created.json().getString("url").startsWith("/partner.html#invite="));

    // the partner can browse the bank, but nothing account-wide
    assertEquals(200, server.call("GET", "/api/questions?q=celery", invite, (String) null).status());
    assertEquals(200, server.call("GET", "/api/banks", invite, (String) null).status());
    assertEquals(403, server.call("GET", "/api/sessions", invite, (String) null).status());
    assertEquals(403, server.call("GET", "/api/sessions/" + session + "/transcript", invite, (String) null).status());
    assertEquals(403, server.call("POST", "/api/sessions", invite, "{}").status());

    String other = server.newSession(token);
    Map<String, String> none = Map.of();
    assertEquals(403, WsClient.handshakeStatus(server.vertx(), server.port(),
        "/ws/sessions/" + other + "?role=partner&token=" + invite, none), "another session");
    assertEquals(403, WsClient.handshakeStatus(server.vertx(), server.port(),
        "/ws/sessions/" + session + "?role=candidate&token=" + invite, none), "another role");

    try (WsClient candidate = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server.vertx(), server.port(),
             "/ws/sessions/" + session + "?role=partner&token=" + invite, none)) {
      assertEquals("partner", partner.next("welcome").getString("role"));
      partner.snippet("interviewer", "what is a python decorator", true, 1);
      assertEquals("py-decorators", candidate.next("cue").getJsonObject("card").getString("id"));

      JsonArray invites = server.call("GET", "/api/sessions/" + session + "/invites", token, (String) null).json()
          .getJsonArray("invites");
      assertTrue(invites.getJsonObject(0).getBoolean("usable"));
      assertEquals(204, server.call("DELETE", "/api/sessions/" + session + "/invites/" + inviteId, token,
          (String) null).status());
      assertEquals(LiveSocket.CLOSE_REVOKED, partner.awaitClose(), "a revoked partner is disconnected");
    }
    assertEquals(401, WsClient.handshakeStatus(server.vertx(), server.port(),
        "/ws/sessions/" + session + "?role=partner&token=" + invite, none));
    assertEquals(401, server.call("GET", "/api/banks", invite, (String) null).status());
    assertFalse(server.call("GET", "/api/sessions/" + session + "/invites", token, (String) null).json()
        .getJsonArray("invites").getJsonObject(0).getBoolean("usable"));
    assertEquals(404, server.call("DELETE", "/api/sessions/" + session + "/invites/nope", token, (String) null)
        .status());
    assertEquals(400, server.call("POST", "/api/sessions/" + session + "/invites", token, "{\"ttlMinutes\": 1}")
        .status());
    String stranger = server.newUser();
    assertEquals(403, server.call("POST", "/api/sessions/" + session + "/invites", stranger, "{}").status());
  }

  @Test
  void searchFindsTheCallersOwnTranscriptsOnly() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("candidate", "we used Redis for the 100% cache_hit dashboard", true, 1);
      ws.next("ack");
    }
    String other = server.newUser();
    String otherSession = server.newSession(other);
    try (WsClient ws = WsClient.connect(server, other, otherSession)) {
      ws.snippet("candidate", "redis is my favourite", true, 1);
      ws.next("ack");
    }
    JsonArray hits = server.call("GET", "/api/search?q=REDIS", token, (String) null).json().getJsonArray("results");
    assertEquals(1, hits.size(), hits.encode());
    assertEquals(session, hits.getJsonObject(0).getString("sessionId"));
    assertEquals("test", hits.getJsonObject(0).getString("title"));
    assertEquals(1, server.call("GET", "/api/search?q=100%25", token, (String) null).json().getJsonArray("results")
        .size(), "% is literal");
    assertEquals(1, server.call("GET", "/api/search?q=cache_hit", token, (String) null).json()
        .getJsonArray("results").size());
    assertEquals(0, server.call("GET", "/api/search?q=c_che", token, (String) null).json().getJsonArray("results")
        .size(), "_ is literal");
    assertEquals(400, server.call("GET", "/api/search?q=", token, (String) null).status());
  }
}

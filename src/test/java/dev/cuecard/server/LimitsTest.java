package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-user and per-server limits answer with clear errors before anything is stored or allocated. */
class LimitsTest extends SessionTestBase {
  @Override
  protected Config config() {
    return TestServer.builder(dir)
        .set(ConfigKey.LIMITS_SESSIONS_PER_HOUR, 3)
        .set(ConfigKey.LIMITS_INVITES_PER_SESSION, 2)
        .set(ConfigKey.LIMITS_NOTES_PER_SESSION, 2)
        .set(ConfigKey.LIMITS_SOCKETS_PER_USER, 2)
        .set(ConfigKey.LIMITS_MAX_SOCKETS, 4)
        .set(ConfigKey.LIMITS_CONNECTIONS_PER_ADDRESS, 12)
        .set(ConfigKey.LIMITS_MAX_TITLE_CHARS, 40)
        .set(ConfigKey.LIMITS_MAX_NOTE_CHARS, 100)
        .build();
  }

  @Test
  void sessionsPerHour() {
    server.newSession(token); // the base class made the first
    server.newSession(token);
    TestServer.Response r = server.call("POST", "/api/sessions", token, new JsonObject().put("title", "fourth"));
    assertEquals(429, r.status());
    assertEquals("limit_reached", r.error());
    assertTrue(r.json().getString("message").contains("limits.sessionsPerHour"), r.body());
    assertEquals(3, server.call("GET", "/api/sessions", token, (String) null).json().getJsonArray("sessions").size());
    assertEquals(201, server.call("POST", "/api/sessions", server.newUser(), "{}").status(), "per user, not global");
  }

  @Test
  void openInvitesPerSession() {
    String path = "/api/sessions/" + session + "/invites";
    String first = server.call("POST", path, token, "{}").json().getString("id");
    assertEquals(201, server.call("POST", path, token, "{}").status());
    TestServer.Response third = server.call("POST", path, token, "{}");
    assertEquals(429, third.status());
    assertTrue(third.json().getString("message").contains("revoke one first"), third.body());
    assertEquals(204, server.call("DELETE", path + "/" + first, token, (String) null).status());
    assertEquals(201, server.call("POST", path, token, "{}").status(), "a revoked invite frees its place");
  }

  @Test
  void notesPerSessionAndTitleSize() {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      for (int i = 0; i < 2; i++) {
        ws.send(new JsonObject().put("type", "note").put("text", "note " + i));
        ws.next("note");
      }
      ws.send(new JsonObject().put("type", "note").put("text", "one too many"));
      JsonObject err = ws.next("error");
      assertEquals("limit_reached", err.getString("code"));
      assertTrue(err.getString("message").contains("limits.notesPerSession"), err.encode());
      ws.send(new JsonObject().put("type", "note").put("text", "x".repeat(101)));
      JsonObject tooLong = ws.next("error");
      assertEquals("invalid_message", tooLong.getString("code"));
      assertTrue(tooLong.getString("message").contains("at most 100 characters"), tooLong.encode());
      ws.send(new JsonObject().put("type", "note").put("text", "x".repeat(2001)));
      assertEquals("invalid_message", ws.next("error").getString("code"), "the protocol's own cap");
    }
    TestServer.Response title = server.call("POST", "/api/sessions", token,
        new JsonObject().put("title", "t".repeat(41)));
    assertEquals(400, title.status());
    assertTrue(title.json().getString("message").contains("at most 40 characters"), title.body());
  }

  @Test
  void socketsPerUserAndPerServer() {
    String other = server.newUser();
    String otherSession = server.newSession(other);
    Map<String, String> mine = Map.of("Authorization", "Bearer " + token);
    Map<String, String> theirs = Map.of("Authorization", "Bearer " + other);
    try (WsClient a = WsClient.connect(server, token, session);
         WsClient b = WsClient.open(server, token, session, "?role=observer")) {
      b.next("welcome");
      assertEquals(429, WsClient.handshakeStatus(server.vertx(), server.port(), "/ws/sessions/" + session
          + "?role=observer", mine), "a third socket of one user");
      try (WsClient c = WsClient.connect(server, other, otherSession);
           WsClient d = WsClient.open(server, other, otherSession, "?role=observer")) {
        d.next("welcome");
        String third = server.newUser();
        assertEquals(503, WsClient.handshakeStatus(server.vertx(), server.port(), "/ws/sessions/"
            + server.newSession(third), Map.of("Authorization", "Bearer " + third)),
            "the server is full (limits.maxSockets 4)");
      }
    }
    // closed sockets give their places back
    try (WsClient again = WsClient.connect(server, other, otherSession)) {
      assertEquals("welcome", again.seen().get(0).getString("type"));
    }
    assertEquals(101, WsClient.handshakeStatus(server.vertx(), server.port(), "/ws/sessions/" + session, mine));
    assertEquals(101, WsClient.handshakeStatus(server.vertx(), server.port(), "/ws/sessions/" + otherSession, theirs));
  }

  @Test
  void connectionsPerAddress() throws Exception {
    List<Socket> held = new ArrayList<>();
    int served = 0;
    try {
      // the test's own HTTP client keeps a few pooled connections of its own open too
      for (int i = 0; i < 20 && served == held.size(); i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        held.add(s);
        if (status(s) == 200) {
          served++;
        }
      }
      assertTrue(served < 20, "connections past limits.connectionsPerAddress are closed unanswered");
      assertTrue(served >= 12 - 4 && served <= 12, served + " served before the limit of 12 (with the client's pool)");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
    Thread.sleep(200);
    assertEquals(200, server.call("GET", "/health", null, (String) null).status(), "closed ones free their places");
  }

  /** The status of a GET /health sent on the socket, or -1 when the server closed it unanswered. */
  private static int status(Socket s) throws Exception {
    s.setSoTimeout(5000);
    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes());
    InputStream in = s.getInputStream();
    byte[] buf = new byte[12];
    int n;
    try {
      n = in.readNBytes(buf, 0, 12);
    } catch (SocketTimeoutException | java.net.SocketException e) {
      return -1;
    }
    return n < 12 ? -1 : Integer.parseInt(new String(buf, 9, 3));
  }
}

package dev.cuecard.server;

import dev.cuecard.auth.Tokens;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, login, token checks on REST and WebSocket, origin checks. */
@ExtendWith(VertxExtension.class)
class AuthTest {
  @TempDir
  Path dir;
  TestServer server;
  Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir);
  }

  @AfterEach
  void stop() {
    if (server != null) { // null when the test was skipped before its server started
      server.close();
    }
  }

  private TestServer.Response post(String path, String body) {
    return server.call("POST", path, null, body);
  }

  private static String creds(String user, String password) {
    return new JsonObject().put("username", user).put("password", password).encode();
  }

  @Test
  void registerThenLoginGivesWorkingTokens() {
    TestServer.Response reg = post("/api/auth/register", creds("Ada.Lovelace", "analytical engine"));
    assertEquals(201, reg.status(), reg.body());
    assertEquals("ada.lovelace", reg.json().getJsonObject("user").getString("username"), "usernames are case-insensitive");
    assertEquals("Bearer", reg.json().getString("tokenType"));
    assertTrue(reg.json().getInteger("expiresIn") > 0);

    TestServer.Response login = post("/api/auth/login", creds("ADA.LOVELACE", "analytical engine"));
    assertEquals(200, login.status(), login.body());
    String token = login.json().getString("token");
    TestServer.Response me = server.call("GET", "/api/me", token, (String) null);
    assertEquals(200, me.status());
    assertEquals("ada.lovelace", me.json().getString("username"));
  }

  @Test
  void badRegistrationsAndLoginsGetSpecificErrors() {
    assertEquals(201, post("/api/auth/register", creds("grace", "compiler pioneer")).status());
    TestServer.Response dup = post("/api/auth/register", creds("GRACE", "another password"));
    assertEquals(409, dup.status());
    assertEquals("username_taken", dup.error());
    assertEquals("invalid_username", post("/api/auth/register", creds("x", "long enough pw")).error());
    assertEquals("invalid_username", post("/api/auth/register", creds("bad name!", "long enough pw")).error());
    assertEquals("invalid_password", post("/api/auth/register", creds("shorty", "short")).error());
    assertEquals("bad_json", post("/api/auth/register", "{nope").error());
    assertEquals("bad_json", post("/api/auth/register", "[]").error());
    assertEquals(400, post("/api/auth/register", "{\"username\":\"abc\"}").status());
    assertEquals("bad_json", post("/api/auth/login", "").error());

    TestServer.Response wrong = post("/api/auth/login", creds("grace", "wrong password"));
    assertEquals(401, wrong.status());
    assertEquals("invalid_credentials", wrong.error());
    TestServer.Response unknown = post("/api/auth/login", creds("nobody", "whatever123"));
    assertEquals(401, unknown.status());
    assertEquals(wrong.body(), unknown.body(), "unknown users are not told apart from wrong passwords");

    TestServer.Response huge = post("/api/auth/register", "{\"username\":\"" + "a".repeat(100_000) + "\"}");
    assertEquals(413, huge.status());
    assertEquals("too_large", huge.error());
  }

  @Test
  void passwordsAreStoredOnlyAsSaltedSlowHashes() throws Exception {
    server.register("linus", "same password");
    server.register("margaret", "same password");
    java.util.List<String> hashes = TestStore.column(dir, "SELECT password_hash FROM users ORDER BY username");
    assertEquals(2, hashes.size());
    String a = hashes.get(0);
    assertTrue(a.startsWith("pbkdf2-sha256$1000$"), a);
    assertFalse(a.contains("same password"));
    assertFalse(a.equals(hashes.get(1)), "each hash has its own salt");
  }

  @Test
  void theSigningKeyIsGeneratedPrivateAndKeptAcrossRestarts() throws Exception {
    Path key = dir.resolve(Tokens.KEY_FILE);
    if (TestStore.postgres()) {
      // every node of a cluster must sign with the same key: it lives in the shared store, not in a file
      assertFalse(Files.exists(key), "no key file per node");
      assertEquals(1, TestStore.column(dir, "SELECT value FROM server_keys WHERE name = 'jwt'").size());
    } else {
      assertTrue(Files.exists(key));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
    String token = server.newUser();
    server.restart();
    assertEquals(200, server.call("GET", "/api/me", token, (String) null).status());
  }

  @Test
  void missingForgedAndExpiredTokensGet401OnRestAndWebSocket() throws Exception {
    String token = server.newUser();
    String session = server.newSession(token);
    String userId = server.call("GET", "/api/me", token, (String) null).json().getString("id");
    String secret = TestStore.postgres()
        ? TestStore.column(dir, "SELECT value FROM server_keys WHERE name = 'jwt'").get(0)
        : Files.readString(dir.resolve(Tokens.KEY_FILE));
    JWTAuth realKey = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    JWTAuth otherKey = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("x".repeat(43))));
    JsonObject claims = new JsonObject().put("sub", userId).put("name", "x").put("typ", "access");
    // generateToken adds exp/iat/iss to the object it is given, so each token gets a fresh copy
    String forged = otherKey.generateToken(claims.copy(), new JWTOptions().setIssuer("cuecard").setExpiresInSeconds(600));
    String expired = realKey.generateToken(claims.copy().put("exp", System.currentTimeMillis() / 1000 - 60),
        new JWTOptions().setIssuer("cuecard"));
    String noExpiry = realKey.generateToken(claims.copy(), new JWTOptions().setIssuer("cuecard"));
    String wrongIssuer = realKey.generateToken(claims.copy(), new JWTOptions().setIssuer("evil").setExpiresInSeconds(600));
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

    String[] names = {"missing", "empty", "forged", "expired", "noExpiry", "wrongIssuer", "tampered", "garbage"};
    String[] tokens = {null, "", forged, expired, noExpiry, wrongIssuer, tampered, "not.a.jwt"};
    for (int i = 0; i < tokens.length; i++) {
      String bad = tokens[i];
      TestServer.Response r = server.call("GET", "/api/sessions", bad, (String) null);
      assertEquals(401, r.status(), "REST with " + names[i] + " token " + bad);
      assertEquals("unauthorized", r.error());
      Map<String, String> headers = bad == null ? Map.of() : Map.of("Authorization", "Bearer " + bad);
      assertEquals(401, WsClient.handshakeStatus(vertx, server.port(), "/ws/sessions/" + session, headers),
          "WebSocket with " + names[i] + " token");
    }
    assertEquals(401, server.call("GET", "/api/me", null, (String) null).status());
    assertEquals(200, server.call("GET", "/api/me", token, (String) null).status(), "the real token still works");
  }

  @Test
  void webSocketChecksOwnershipSessionRoleAndOrigin() {
    String alice = server.newUser();
    String bob = server.newUser();
    String session = server.newSession(alice);
    String path = "/ws/sessions/" + session;
    Map<String, String> asAlice = Map.of("Authorization", "Bearer " + alice);
    assertEquals(403, WsClient.handshakeStatus(vertx, server.port(), path, Map.of("Authorization", "Bearer " + bob)));
    assertEquals(404, WsClient.handshakeStatus(vertx, server.port(), "/ws/sessions/no-such-session", asAlice));
    assertEquals(404, WsClient.handshakeStatus(vertx, server.port(), "/ws/elsewhere", asAlice));
    assertEquals(400, WsClient.handshakeStatus(vertx, server.port(), path + "?role=boss", asAlice));
    assertEquals(403, WsClient.handshakeStatus(vertx, server.port(), path,
        Map.of("Authorization", "Bearer " + alice, "Origin", "https://evil.example")));
    assertEquals(403, WsClient.handshakeStatus(vertx, server.port(), path,
        Map.of("Authorization", "Bearer " + alice, "Origin", "http://127.0.0.1:1")));
    assertEquals(101, WsClient.handshakeStatus(vertx, server.port(), path,
        Map.of("Authorization", "Bearer " + alice, "Origin", "http://127.0.0.1:" + server.port())));
    // browsers cannot set headers on a WebSocket: the token may travel as a query parameter
    try (WsClient ws = WsClient.open(vertx, server.port(), path + "?token=" + alice,
        Map.of("Origin", "http://127.0.0.1:" + server.port()))) {
      assertNotNull(ws.next("welcome").getString("participantId"));
    }
  }
}

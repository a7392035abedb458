package dev.cuecard.server;

import dev.cuecard.auth.Tokens;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Change password, log out, log out everywhere, delete the account with all its data, export it. */
class AccountLifecycleTest extends ServerTestBase {
  private static final String PW = "correct horse battery";

  private JsonObject creds(String user, String password) {
    return new JsonObject().put("username", user).put("password", password);
  }

  private String login(String user, String password) {
    TestServer.Response r = server.call("POST", "/api/auth/login", null, creds(user, password));
    assertEquals(200, r.status(), r.body());
    return r.json().getString("token");
  }

  private int me(String token) {
    return server.call("GET", "/api/me", token, (String) null).status();
  }

  @Test
  void logoutEndsOnlyThatToken() {
    server.register("ada", PW);
    String a = login("ada", PW);
    String b = login("ada", PW);
    assertEquals(204, server.call("POST", "/api/auth/logout", a, (String) null).status());
    TestServer.Response after = server.call("GET", "/api/me", a, (String) null);
    assertEquals(401, after.status());
    assertTrue(after.json().getString("message").contains("logged out"), after.body());
    assertEquals(200, me(b), "the other token still works");
  }

  @Test
  void logoutEverywhereEndsEveryTokenAndClosesOpenSockets() {
    server.register("bob", PW);
    String a = login("bob", PW);
    String b = login("bob", PW);
    String session = server.newSession(a);
    try (WsClient live = WsClient.connect(server, b, session)) {
      assertEquals(204, server.call("POST", "/api/auth/logout-all", a, (String) null).status());
      assertEquals(LiveSocket.CLOSE_TOKEN_REVOKED, live.awaitClose(), "the socket of a revoked token is closed");
      assertEquals("token_revoked", live.latest("error").getString("code"));
    }
    assertEquals(401, me(a));
    assertEquals(401, me(b));
    assertEquals(401, WsClient.handshakeStatus(server.vertx(), server.port(), "/ws/sessions/" + session,
        Map.of("Authorization", "Bearer " + b)));
    assertEquals(200, me(login("bob", PW)), "logging in again works");
  }

  @Test
  void changingThePasswordEndsOlderTokens() {
    String old = server.register("cyd", PW);
    String session = server.newSession(old);
    JsonObject wrong = new JsonObject().put("currentPassword", "not it at all").put("newPassword", "a new phrase here");
    TestServer.Response r = server.call("PUT", "/api/me/password", old, wrong);
    assertEquals(401, r.status());
    assertEquals("invalid_credentials", r.error());
    r = server.call("PUT", "/api/me/password", old, new JsonObject().put("currentPassword", PW)
        .put("newPassword", "password"));
    assertEquals(400, r.status());
    assertEquals("invalid_password", r.error());

    try (WsClient live = WsClient.connect(server, old, session)) {
      r = server.call("PUT", "/api/me/password", old, new JsonObject().put("currentPassword", PW)
          .put("newPassword", "a new phrase here"));
      assertEquals(200, r.status(), r.body());
      String fresh = r.json().getString("token");
      assertEquals(LiveSocket.CLOSE_TOKEN_REVOKED, live.awaitClose());
      assertEquals(401, me(old));
      assertEquals(200, me(fresh), "the token returned with the change works");
    }
    assertEquals(401, server.call("POST", "/api/auth/login", null, creds("cyd", PW)).status());
    assertEquals(200, me(login("cyd", "a new phrase here")));
  }

  @Test
  void deletingTheAccountRemovesAllItsDataInOneGo() throws InterruptedException {
    String token = server.register("dee", PW);
    String keep = server.register("eve", PW);
    String keptSession = server.newSession(keep);
    String session = server.newSession(token);
    assertEquals(201, server.call("POST", "/api/stories", token, StoryApiTest.conflictStory()).status());
    assertEquals(201, server.call("POST", "/api/stories", keep, StoryApiTest.conflictStory()).status());
    assertEquals(201, server.call("POST", "/api/my/banks", token, OwnBankTest.bank()).status());
    assertEquals(200, server.call("PUT", "/api/questions/py-gil/mine", token,
        new JsonObject().put("phrasing", "one thread of Python bytecode at a time")).status());
    String inviteToken = server.call("POST", "/api/sessions/" + session + "/invites", token, "{}").json()
        .getString("token");
    try (WsClient live = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server.vertx(), server.port(),
             "/ws/sessions/" + session + "?role=partner&token=" + inviteToken, Map.of())) {
      partner.next("welcome");
      partner.snippet("interviewer", "what is a python decorator", true, 1);
      live.next("cue");
      live.snippet("candidate", "a decorator wraps a function", true, 1);
      live.next("ack");
      partner.send(new JsonObject().put("type", "note").put("text", "good start"));
      live.next("note");
      partner.send(new JsonObject().put("type", "rate").put("score", 4));
      live.next("rating");
      // the partner corrects a card: the owner's sessions remember the wording
      partner.snippet("interviewer", "what is the difference between a process and a thread", true, 2);
      String alternative = live.next("cue").getJsonArray("alternatives").getJsonObject(0).getString("id");
      partner.send(new JsonObject().put("type", "ask").put("cardId", alternative).put("seq", 3));
      live.next("cue");
      long deadline = System.currentTimeMillis() + 10_000;
      while (TestStore.column(dir, "SELECT card_id FROM remembered_wordings").isEmpty()
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of(alternative), TestStore.column(dir, "SELECT card_id FROM remembered_wordings"));
    }
    try (WsClient other = WsClient.connect(server, keep, keptSession)) {
      other.snippet("interviewer", "tell me about yourself", true, 1);
      other.next("ack");
    }

    TestServer.Response wrong = server.call("DELETE", "/api/me", token, new JsonObject().put("password", "nope nope"));
    assertEquals(401, wrong.status(), "deletion needs the password");
    try (WsClient live = WsClient.connect(server, token, session)) {
      assertEquals(204, server.call("DELETE", "/api/me", token, new JsonObject().put("password", PW)).status());
      short code = live.awaitClose();
      assertTrue(code == LiveSocket.CLOSE_TOKEN_REVOKED || code == 4404, "closed as revoked or session deleted: " + code);
    }
    TestServer.Response gone = server.call("GET", "/api/me", token, (String) null);
    assertEquals(401, gone.status());
    assertTrue(gone.json().getString("message").contains("deleted"), gone.body());
    assertEquals(401, server.call("POST", "/api/auth/login", null, creds("dee", PW)).status());

    for (String table : List.of("sessions", "participants", "utterances", "cues", "answers", "ratings", "notes",
        "invites")) {
      String col = table.equals("sessions") ? "id" : "session_id";
      assertEquals(List.of(), TestStore.column(dir, "SELECT " + col + " FROM " + table + " WHERE " + col + " = '"
          + session + "'"), table + " rows of the deleted account");
    }
    assertEquals(List.of(), TestStore.column(dir, "SELECT id FROM users WHERE username = 'dee'"));
    assertEquals(TestStore.column(dir, "SELECT id FROM users WHERE username = 'eve'"),
        TestStore.column(dir, "SELECT user_id FROM stories"), "only the other user's story is left");
    assertEquals(List.of(), TestStore.column(dir, "SELECT bank FROM user_banks"), "their banks are gone");
    assertEquals(List.of(), TestStore.column(dir, "SELECT card_id FROM my_answers"), "their answers are gone");
    assertEquals(List.of(), TestStore.column(dir, "SELECT card_id FROM remembered_wordings"),
        "their remembered wordings are gone");
    assertEquals(1, server.storedUtterances(keep, keptSession).size(), "another user's data is untouched");
  }

  @Test
  void exportHoldsEverythingOfTheAccountAndNoSecrets() throws Exception {
    String token = server.register("fay", PW);
    String session = server.newSession(token);
    server.call("POST", "/api/stories", token, StoryApiTest.conflictStory());
    server.call("PUT", "/api/questions/py-decorators/mine", token, new JsonObject().put("points",
        new io.vertx.core.json.JsonArray().add("I wrote a retry decorator for flaky HTTP calls")));
    server.call("POST", "/api/my/banks", token, OwnBankTest.bank(OwnBankTest.card("ledger-deploy", "What is our deploy"
        + " checklist?")));
    try (WsClient live = WsClient.connect(server, token, session)) {
      live.snippet("interviewer", "what is a python decorator", true, 1);
      live.next("cue");
      live.snippet("candidate", "it wraps a [function](http://x.example)", true, 2);
      live.next("ack");
    }
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(server.base() + "/api/me/export")).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
    Map<String, String> files = unzip(r.body());
    assertTrue(files.containsKey("account.json"), files.keySet().toString());
    assertEquals("fay", new JsonObject(files.get("account.json")).getString("username"));
    assertFalse(files.get("account.json").contains("pbkdf2"), "no password hash in the export");
    String dirName = "sessions/" + session + "/";
    JsonObject transcript = new JsonObject(files.get(dirName + "transcript.json"));
    assertEquals(3, transcript.getJsonArray("items").size(), "two utterances and a cue");
    assertTrue(files.get(dirName + "transcript.md").contains("it wraps a \\[function\\]\\(http:\u200b//x.example\\)"),
        files.get(dirName + "transcript.md"));
    assertTrue(files.containsKey(dirName + "summary.json"));
    assertEquals(1, new JsonObject(files.get("sessions.json")).getJsonArray("sessions").size());
    JsonObject story = new JsonObject(files.get("stories.json")).getJsonArray("stories").getJsonObject(0);
    assertEquals("The caching argument with Priya", story.getString("title"));
    assertEquals("p95 latency fell from 900 ms to 180 ms", story.getString("metric"));
    assertEquals("py-decorators", new JsonObject(files.get("my-answers.json")).getJsonArray("answers")
        .getJsonObject(0).getString("cardId"));
    assertEquals("ledger-deploy", new JsonObject(files.get("banks/payments-team.json")).getJsonArray("cards")
        .getJsonObject(0).getString("id"));
    assertEquals(0, new JsonObject(files.get("remembered-wordings.json")).getJsonArray("wordings").size(),
        "no correction made: none remembered");
  }

  @Test
  void tokensWithoutAnIdOrVersionAreRefused() {
    server.register("gus", PW);
    // a token signed with the server's key in the shape issued before revocation existed
    String secret = server.config().string(ConfigKey.STORE_URL).isEmpty()
        ? Tokens.loadOrCreateSecret(dir) : null;
    org.junit.jupiter.api.Assumptions.assumeTrue(secret != null, "the key is in the database with PostgreSQL");
    io.vertx.ext.auth.jwt.JWTAuth jwt = io.vertx.ext.auth.jwt.JWTAuth.create(server.vertx(),
        new io.vertx.ext.auth.jwt.JWTAuthOptions().addPubSecKey(new io.vertx.ext.auth.PubSecKeyOptions()
            .setAlgorithm("HS256").setBuffer(secret)));
    String legacy = jwt.generateToken(new JsonObject().put("sub", "x").put("name", "gus").put("typ", "access"),
        new io.vertx.ext.auth.JWTOptions().setIssuer("cuecard").setExpiresInSeconds(600));
    TestServer.Response r = server.call("GET", "/api/me", legacy, (String) null);
    assertEquals(401, r.status());
    assertTrue(r.json().getString("message").contains("log in again"), r.body());
  }

  private static Map<String, String> unzip(byte[] bytes) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}

package dev.cuecard.server;

import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session CRUD over REST, and that users only ever reach their own sessions. */
class SessionApiTest extends ServerTestBase {
  @Test
  void createListGetDelete() {
    String token = server.newUser();
    TestServer.Response created = server.call("POST", "/api/sessions", token, new JsonObject().put("title", " Mock #1 "));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertEquals("Mock #1", created.json().getString("title"));
    TestServer.Response untitled = server.call("POST", "/api/sessions", token, (String) null);
    assertEquals(201, untitled.status());
    assertTrue(untitled.json().getString("title").startsWith("Practice session"));

    JsonArray list = server.call("GET", "/api/sessions", token, (String) null).json().getJsonArray("sessions");
    assertEquals(2, list.size());

    JsonObject got = server.call("GET", "/api/sessions/" + id, token, (String) null).json();
    assertEquals("Mock #1", got.getString("title"));
    assertTrue(got.getJsonArray("participants").isEmpty());

    assertEquals(204, server.call("DELETE", "/api/sessions/" + id, token, (String) null).status());
    TestServer.Response gone = server.call("GET", "/api/sessions/" + id, token, (String) null);
    assertEquals(404, gone.status());
    assertEquals("not_found", gone.error());
    assertEquals(404, server.call("GET", "/api/sessions/" + id + "/transcript", token, (String) null).status());
    assertEquals(404, server.call("DELETE", "/api/sessions/" + id, token, (String) null).status());
  }

  @Test
  void otherUsersSessionsAreForbidden() {
    String alice = server.newUser();
    String bob = server.newUser();
    String session = server.newSession(alice);
    for (String[] call : new String[][] {{"GET", ""}, {"DELETE", ""}, {"GET", "/transcript"}}) {
      TestServer.Response r = server.call(call[0], "/api/sessions/" + session + call[1], bob, (String) null);
      assertEquals(403, r.status(), call[0] + call[1]);
      assertEquals("forbidden", r.error());
    }
    assertTrue(server.call("GET", "/api/sessions", bob, (String) null).json().getJsonArray("sessions").isEmpty());
    assertEquals(200, server.call("GET", "/api/sessions/" + session, alice, (String) null).status(),
        "still there for its owner");
  }

  @Test
  void badSessionInputGetsClearErrors() {
    String token = server.newUser();
    for (String body : new String[] {"{\"title\": 7}", "{\"title\": \"   \"}",
        "{\"title\": \"" + "t".repeat(201) + "\"}"}) {
      TestServer.Response r = server.call("POST", "/api/sessions", token, body);
      assertEquals(400, r.status(), body);
      assertTrue(r.json().getString("message").contains("title"));
    }
    assertEquals("bad_json", server.call("POST", "/api/sessions", token, "{oops").error());
    TestServer.Response none = server.call("GET", "/api/nothing-here", token, (String) null);
    assertEquals(404, none.status());
    assertEquals("not_found", none.error());
    assertEquals(401, server.call("GET", "/api/nothing-here", null, (String) null).status(),
        "unknown API paths do not leak without a token");
  }
}

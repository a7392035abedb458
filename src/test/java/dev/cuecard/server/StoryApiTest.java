package dev.cuecard.server;

import dev.cuecard.support.ServerTestBase;
import dev.cuecard.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's own stories over REST: the round trip, checks that name the field, and privacy between users. */
class StoryApiTest extends ServerTestBase {
  static JsonObject conflictStory() {
    return new JsonObject()
        .put("title", "The caching argument with Priya")
        .put("situation", "Priya and I disagreed about caching the pricing API in Redis before a launch.")
        .put("task", "I had to get us to one plan within two days without souring the working relationship.")
        .put("action", "I set up a half hour call, wrote both options side by side and proposed a load test to settle it.")
        .put("result", "The load test favoured her plan with a short TTL and we shipped on time.")
        .put("metric", "p95 latency fell from 900 ms to 180 ms")
        .put("lessons", "Agree on how to decide before arguing about what to decide.")
        .put("competencies", new JsonArray().add("conflict").add("teamwork"));
  }

  @Test
  void createListReadReplaceDelete() {
    String token = server.newUser();
    TestServer.Response created = server.call("POST", "/api/stories", token, conflictStory());
    assertEquals(201, created.status(), created.body());
    JsonObject story = created.json();
    String id = story.getString("id");
    assertEquals("The caching argument with Priya", story.getString("title"));
    assertEquals(new JsonArray().add("conflict").add("teamwork"), story.getJsonArray("competencies"));
    assertTrue(story.getLong("createdAt") > 0);

    JsonArray list = server.call("GET", "/api/stories", token, (String) null).json().getJsonArray("stories");
    assertEquals(1, list.size());
    assertEquals(id, list.getJsonObject(0).getString("id"));
    assertEquals("p95 latency fell from 900 ms to 180 ms",
        server.call("GET", "/api/stories/" + id, token, (String) null).json().getString("metric"));

    TestServer.Response replaced = server.call("PUT", "/api/stories/" + id, token,
        conflictStory().put("metric", "p95 latency fell by 80%").put("id", "ignored"));
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(id, replaced.json().getString("id"), "the server keeps the id");
    assertEquals("p95 latency fell by 80%",
        server.call("GET", "/api/stories/" + id, token, (String) null).json().getString("metric"));

    assertEquals(204, server.call("DELETE", "/api/stories/" + id, token, (String) null).status());
    assertEquals(404, server.call("GET", "/api/stories/" + id, token, (String) null).status());
    assertEquals(404, server.call("DELETE", "/api/stories/" + id, token, (String) null).status());
    assertTrue(server.call("GET", "/api/stories", token, (String) null).json().getJsonArray("stories").isEmpty());
  }

  @Test
  void aBadStoryIsRefusedNamingTheField() {
    String token = server.newUser();
    Object[][] cases = {
        {conflictStory().put("title", "  "), "title", "required"},
        {conflictStory().put("situaton", "typo"), "situaton", "unknown field"},
        {conflictStory().put("action", 42), "action", "must be a string"},
        {conflictStory().put("result", "x".repeat(2001)), "result", "at most 2000"},
        {conflictStory().put("competencies", new JsonArray().add("conflict").add("charisma")), "competencies",
            "unknown competency 'charisma'"},
        {conflictStory().put("competencies", "conflict"), "competencies", "must be an array"},
        {new JsonObject().put("title", "Only a title"), "situation", "at least one of"},
    };
    for (Object[] c : cases) {
      TestServer.Response r = server.call("POST", "/api/stories", token, (JsonObject) c[0]);
      assertEquals(400, r.status(), r.body());
      assertEquals("invalid_story", r.error());
      assertEquals(c[1], r.json().getString("field"), r.body());
      assertTrue(r.json().getString("message").contains((String) c[2]), r.body());
    }
    TestServer.Response notJson = server.call("POST", "/api/stories", token, "[1, 2]");
    assertEquals(400, notJson.status());
    assertEquals("bad_json", notJson.error());
    assertTrue(server.call("GET", "/api/stories", token, (String) null).json().getJsonArray("stories").isEmpty(),
        "nothing was stored");
  }

  @Test
  void aStoriesFileImportsWhole() {
    String token = server.newUser();
    JsonObject file = new JsonObject().put("stories", new JsonArray().add(conflictStory())
        .add(conflictStory().put("title", "The second one").put("id", "from-an-export")));
    TestServer.Response ok = server.call("POST", "/api/stories/import", token, file);
    assertEquals(201, ok.status(), ok.body());
    assertEquals(2, ok.json().getInteger("imported"));
    assertEquals(2, server.call("GET", "/api/stories", token, (String) null).json().getJsonArray("stories").size());

    JsonObject bad = new JsonObject().put("stories", new JsonArray().add(conflictStory())
        .add(conflictStory().put("competencies", new JsonArray().add("charisma"))));
    TestServer.Response refused = server.call("POST", "/api/stories/import", token, bad);
    assertEquals(400, refused.status());
    assertEquals(1, refused.json().getInteger("index"));
    assertEquals("competencies", refused.json().getString("field"));
    assertTrue(refused.json().getString("message").startsWith("story 2: "), refused.body());
    assertEquals(2, server.call("GET", "/api/stories", token, (String) null).json().getJsonArray("stories").size(),
        "all or nothing");
  }

  @Test
  void nobodyElseReachesAStory() {
    String alice = server.newUser();
    String bob = server.newUser();
    String id = server.call("POST", "/api/stories", alice, conflictStory()).json().getString("id");
    for (String method : new String[] {"GET", "DELETE"}) {
      TestServer.Response r = server.call(method, "/api/stories/" + id, bob, (String) null);
      assertEquals(404, r.status(), method);
      assertFalse(r.body().contains("Priya"), r.body());
    }
    TestServer.Response put = server.call("PUT", "/api/stories/" + id, bob, conflictStory().put("title", "mine now"));
    assertEquals(404, put.status());
    assertTrue(server.call("GET", "/api/stories", bob, (String) null).json().getJsonArray("stories").isEmpty());
    assertEquals("The caching argument with Priya",
        server.call("GET", "/api/stories/" + id, alice, (String) null).json().getString("title"), "untouched");
    assertEquals(401, server.call("GET", "/api/stories", null, (String) null).status());
  }
}

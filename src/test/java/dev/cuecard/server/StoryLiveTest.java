package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over real sockets: a behavioural card brings the owner's best-fitting stories to the owner's
 * connections only; a pinned story's points tick as it is told; a story told once is flagged on
 * the next card; a partner never receives the stories nor may pin one; another user's story is
 * never offered.
 */
class StoryLiveTest extends SessionTestBase {

  private String story(String userToken, JsonObject body) {
    var r = server.call("POST", "/api/stories", userToken, body);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("id");
  }

  private static JsonObject failureStory() {
    return new JsonObject().put("title", "The migration that locked the orders table")
        .put("situation", "A schema migration I wrote locked the orders table during business hours.")
        .put("action", "I rolled it back, rewrote it to add the column without a default and backfilled in batches.")
        .put("result", "Checkout was down for six minutes and we added a migration review step.")
        .put("metric", "six minutes of downtime")
        .put("competencies", new JsonArray().add("failure").add("mistakes").add("ownership"));
  }

  @Test
  void theOwnerSeesFittingStoriesPinsOneAndWatchesItsPoints() throws Exception {
    String conflict = story(token, StoryApiTest.conflictStory());
    String failure = story(token, failureStory());
    String bob = server.newUser();
    String bobs = story(bob, StoryApiTest.conflictStory().put("title", "Bob's own conflict"));
    String invite = server.call("POST", "/api/sessions/" + session + "/invites", token, "{}").json().getString("token");
    try (WsClient owner = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server.vertx(), server.port(),
             "/ws/sessions/" + session + "?role=partner&token=" + invite, Map.of())) {
      partner.next("welcome");
      partner.send(new JsonObject().put("type", "ask").put("cardId", "beh-conflict").put("seq", 1));
      partner.next("ack");

      JsonObject offer = owner.next("stories");
      assertEquals("beh-conflict", offer.getString("cardId"));
      assertEquals(2, offer.getInteger("youHave"));
      JsonArray stories = offer.getJsonArray("stories");
      JsonObject first = stories.getJsonObject(0);
      assertEquals(conflict, first.getString("id"), "the conflict story fits a conflict question best: " + stories);
      assertEquals(new JsonArray().add("conflict").add("teamwork"), first.getJsonArray("fitsBy"));
      assertEquals("p95 latency fell from 900 ms to 180 ms", first.getString("metric"));
      assertTrue(first.getJsonObject("brief").getString("r").startsWith("The load test favoured her plan"));
      assertFalse(first.getBoolean("told"));
      assertTrue(stories.stream().noneMatch(s -> ((JsonObject) s).getString("id").equals(bobs)), "never Bob's");

      // the partner may not pin, and another user's story cannot be pinned
      partner.send(new JsonObject().put("type", "pin").put("storyId", conflict));
      assertEquals("forbidden", partner.next("error").getString("code"));
      owner.send(new JsonObject().put("type", "pin").put("storyId", bobs));
      assertEquals("invalid_message", owner.next("error").getString("code"));

      owner.send(new JsonObject().put("type", "pin").put("storyId", conflict));
      JsonObject pinned = owner.next("story").getJsonObject("story");
      assertEquals(conflict, pinned.getString("storyId"));
      assertEquals(5, pinned.getInteger("total"), "situation, task, action, result, metric");
      assertEquals(0, pinned.getInteger("covered"));

      owner.snippet("candidate", "in the end the load test favoured her plan with a short ttl and we shipped on time",
          true, 1);
      JsonObject told = owner.next("story").getJsonObject("story");
      assertTrue(point(told, "result").getBoolean("covered"), told.encode());
      assertFalse(point(told, "metric").getBoolean("covered"), told.encode());
      owner.snippet("candidate", "and p95 latency went down to 180 milliseconds", true, 2);
      assertTrue(point(owner.next("story").getJsonObject("story"), "metric").getBoolean("covered"));

      // the next conflict question: the story told already is flagged and offered after the others
      partner.send(new JsonObject().put("type", "ask").put("cardId", "beh-disagree-manager").put("seq", 2));
      JsonArray again = owner.next("stories").getJsonArray("stories");
      JsonObject flagged = again.stream().map(o -> (JsonObject) o).filter(o -> o.getString("id").equals(conflict))
          .findFirst().orElseThrow();
      assertTrue(flagged.getBoolean("told"), again.encode());
      assertEquals(conflict, again.getJsonObject(again.size() - 1).getString("id"), again.encode());

      // a technical card brings no stories
      int offers = owner.seen("stories").size();
      partner.send(new JsonObject().put("type", "ask").put("cardId", "orm-select-vs-prefetch").put("seq", 3));
      owner.next("cue");
      owner.sync();
      assertEquals(offers, owner.seen("stories").size(), "no stories for a technical card");
      // a failure question: the failure story first; the owner's reconnect gets what is up now
      partner.send(new JsonObject().put("type", "ask").put("cardId", "beh-failure").put("seq", 4));
      assertEquals(failure, owner.next("stories").getJsonArray("stories").getJsonObject(0).getString("id"));
      partner.sync();
      owner.sync();
      assertTrue(partner.seen("stories").isEmpty() && partner.seen("story").size() == 0,
          "a partner never receives the owner's stories: " + partner.seen());
      assertFalse(partner.seen().toString().contains("Priya"), "nor any of their text");
    }
    try (WsClient again = WsClient.connect(server, token, session)) {
      JsonObject welcome = again.latest("welcome");
      assertEquals("beh-failure", welcome.getJsonObject("stories").getString("cardId"), welcome.encode());
      assertNull(welcome.getValue("story"), "nothing pinned for this answer yet");
    }

    // the told story's telling is stored with its answer, for the owner's review
    JsonObject summary = server.call("GET", "/api/sessions/" + session + "/summary", token, (String) null).json();
    JsonObject own = summary.getJsonArray("answers").getJsonObject(0).getJsonObject("own");
    assertEquals(conflict, own.getJsonObject("story").getString("storyId"), summary.encode());
    assertEquals(2, own.getJsonObject("story").getInteger("covered"));

    // and the room, restored after everyone left, still knows it was told
    Thread.sleep(1500); // session.roomGraceSeconds is 1 in tests
    try (WsClient later = WsClient.connect(server, token, session)) {
      later.send(new JsonObject().put("type", "ask").put("cardId", "beh-conflict").put("seq", 10));
      JsonArray offer = later.next("stories").getJsonArray("stories");
      assertTrue(offer.stream().map(o -> (JsonObject) o).filter(o -> o.getString("id").equals(conflict))
          .allMatch(o -> o.getBoolean("told")), offer.encode());
    }
  }

  private static JsonObject point(JsonObject story, String part) {
    return story.getJsonArray("points").stream().map(o -> (JsonObject) o).filter(p -> p.getString("part").equals(part))
        .findFirst().orElseThrow();
  }
}

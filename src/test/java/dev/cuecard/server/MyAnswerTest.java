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

/**
 * "My answer": a user's own points and phrasing on a card, over REST (checks that name the field,
 * privacy between users) and live (only the owner's connections get it, its points tick as said,
 * an edit is picked up on request).
 */
class MyAnswerTest extends SessionTestBase {
  private static final String CARD = "orm-select-vs-prefetch";

  private static JsonObject mine(String... points) {
    return new JsonObject().put("points", new JsonArray(java.util.List.of((Object[]) points)))
        .put("phrasing", "Start from the query count the page makes, then the fix.");
  }

  @Test
  void restRoundTripChecksAndPrivacy() {
    String path = "/api/questions/" + CARD + "/mine";
    assertEquals(404, server.call("GET", path, token, (String) null).status(), "none yet");
    TestServer.Response put = server.call("PUT", path, token, mine("I cut the orders page from 300 queries to 4"));
    assertEquals(200, put.status(), put.body());
    assertEquals(CARD, put.json().getString("cardId"));
    assertEquals("I cut the orders page from 300 queries to 4",
        server.call("GET", path, token, (String) null).json().getJsonArray("points").getString(0));
    assertEquals(1, server.call("GET", "/api/mine", token, (String) null).json().getJsonArray("answers").size());

    Object[][] bad = {
        {new JsonObject().put("point", new JsonArray()), "point", "unknown field"},
        {new JsonObject().put("points", "one"), "points", "must be an array"},
        {new JsonObject().put("points", new JsonArray().add("")), "points", "point 1"},
        {new JsonObject().put("phrasing", 7), "phrasing", "must be a string"},
        {new JsonObject(), "points", "at least one point"},
    };
    for (Object[] b : bad) {
      TestServer.Response r = server.call("PUT", path, token, (JsonObject) b[0]);
      assertEquals(400, r.status(), r.body());
      assertEquals("invalid_answer", r.error());
      assertEquals(b[1], r.json().getString("field"));
      assertTrue(r.json().getString("message").contains((String) b[2]), r.body());
    }
    assertEquals(404, server.call("PUT", "/api/questions/no-such-card/mine", token, mine("x")).status());

    String bob = server.newUser();
    assertEquals(404, server.call("GET", path, bob, (String) null).status(), "Bob does not see Alice's answer");
    assertTrue(server.call("GET", "/api/mine", bob, (String) null).json().getJsonArray("answers").isEmpty());
    assertEquals(404, server.call("DELETE", path, bob, (String) null).status());
    assertEquals(204, server.call("DELETE", path, token, (String) null).status());
    assertEquals(404, server.call("GET", path, token, (String) null).status());
  }

  @Test
  void theOwnerSeesTheirAnswerBesideTheCardAndItsPointsTick() {
    String path = "/api/questions/" + CARD + "/mine";
    server.call("PUT", path, token, mine("I cut the orders page from 300 queries to 4", "select related for the author"));
    String invite = server.call("POST", "/api/sessions/" + session + "/invites", token, "{}").json().getString("token");
    try (WsClient owner = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server.vertx(), server.port(),
             "/ws/sessions/" + session + "?role=partner&token=" + invite, Map.of())) {
      partner.next("welcome");
      partner.send(new JsonObject().put("type", "ask").put("cardId", CARD).put("seq", 1));
      JsonObject m = owner.next("mine");
      assertEquals(CARD, m.getString("cardId"));
      JsonObject mine = m.getJsonObject("mine");
      assertEquals(2, mine.getInteger("total"));
      assertEquals("Start from the query count the page makes, then the fix.", mine.getString("phrasing"));

      owner.snippet("candidate", "on the orders page it went from 300 queries down to 4", true, 1);
      JsonObject ticked = owner.next("mine").getJsonObject("mine");
      assertEquals(1, ticked.getInteger("covered"), ticked.encode());
      assertTrue(ticked.getJsonArray("points").getJsonObject(0).getBoolean("covered"));

      // edited meanwhile: the overlay asks the room to read it again
      server.call("PUT", path, token, mine("prefetch related for the tags many to many"));
      owner.send(new JsonObject().put("type", "mine"));
      JsonObject edited = owner.next("mine").getJsonObject("mine");
      assertEquals("prefetch related for the tags many to many",
          edited.getJsonArray("points").getJsonObject(0).getString("text"));

      partner.send(new JsonObject().put("type", "mine"));
      assertEquals("forbidden", partner.next("error").getString("code"));
      partner.sync();
      assertTrue(partner.seen("mine").isEmpty(), "a partner never gets the owner's answer");
      assertFalse(partner.seen().toString().contains("Start from the query count"), "nor any of its text");
    }
    try (WsClient again = WsClient.connect(server, token, session)) {
      assertEquals(CARD, again.latest("welcome").getJsonObject("mine").getString("cardId"));
    }
  }
}

package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drills from real answers: the card answered worst comes first, progress per topic, nobody
 * else's drill data over REST, and a partner's "next drill question" asks it without seeing why.
 */
class DrillTest extends SessionTestBase {

  /** Answers the N+1 card well and the GIL card badly; the answers are stored when the next question comes. */
  private void practise() throws InterruptedException {
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "what is the n plus one query problem and how do you fix it in django", true, 1);
      assertEquals("orm-n-plus-one", ws.next("cue").getJsonObject("card").getString("id"));
      ws.snippet("candidate", "it is one query for the list and then one query per row in a loop, you find it with the"
          + " debug toolbar or assertnumqueries and fix it with select_related or prefetch_related, or annotate"
          + " the count, and a regression test guards it", true, 2);
      ws.snippet("interviewer", "what is the gil in python", true, 3);
      assertEquals("py-gil", ws.next("cue").getJsonObject("card").getString("id"));
      ws.snippet("candidate", "it is some kind of lock i think", true, 4);
      ws.snippet("interviewer", "okay thanks let us move on to something else now", true, 5);
      ws.sync();
    }
    for (int i = 0; i < 50 && cards(token).size() < 2; i++) {
      Thread.sleep(100); // the answers are written after the snippets are acknowledged
    }
  }

  private JsonArray cards(String t) {
    return server.call("GET", "/api/drills", t, (String) null).json().getJsonArray("next");
  }

  @Test
  void theWorstAnsweredCardComesFirstAndOnlyForItsOwner() throws Exception {
    practise();
    JsonObject drills = server.call("GET", "/api/drills", token, (String) null).json();
    assertEquals(2, drills.getInteger("cards"), drills.encode());
    assertEquals(0, drills.getInteger("dueNow"), "both are due tomorrow after a first answer");
    JsonObject first = drills.getJsonArray("next").getJsonObject(0);
    assertEquals("py-gil", first.getString("cardId"), drills.encode());
    assertTrue(first.getDouble("lastCoverage") < 0.5, first.encode());
    assertTrue(first.getJsonArray("missed").size() > 0);
    assertEquals(1.0, first.getDouble("intervalDays"));

    JsonArray topics = server.call("GET", "/api/drills/progress", token, (String) null).json().getJsonArray("topics");
    assertTrue(topics.stream().anyMatch(t -> ((JsonObject) t).getString("category").equals("Django ORM")), topics.encode());

    String bob = server.newUser();
    assertTrue(cards(bob).isEmpty(), "nobody else's drills");
    assertTrue(server.call("GET", "/api/drills/progress", bob, (String) null).json().getJsonArray("topics").isEmpty());
    String invite = server.call("POST", "/api/sessions/" + session + "/invites", token, "{}").json().getString("token");
    TestServer.Response asInvite = server.call("GET", "/api/drills", invite, (String) null);
    assertEquals(403, asInvite.status(), "an invite never reads the owner's drill data");
    assertEquals(400, server.call("GET", "/api/drills?limit=0", token, (String) null).status());
  }

  @Test
  void aPartnerAsksTheNextDrillQuestion() throws Exception {
    practise();
    String invite = server.call("POST", "/api/sessions/" + session + "/invites", token, "{}").json().getString("token");
    try (WsClient owner = WsClient.connect(server, token, session);
         WsClient partner = WsClient.open(server.vertx(), server.port(),
             "/ws/sessions/" + session + "?role=partner&token=" + invite, Map.of())) {
      partner.next("welcome");
      partner.send(new JsonObject().put("type", "drill").put("seq", 1));
      assertEquals(1, partner.next("ack").getLong("seq"));
      // the worst answered card (the GIL) is still on screen from the practice: the next one comes
      assertEquals("py-gil", owner.latest("welcome").getJsonObject("cue").getJsonObject("card").getString("id"));
      JsonObject cue = owner.next("cue");
      assertEquals("orm-n-plus-one", cue.getJsonObject("card").getString("id"));
      assertEquals("ask", cue.getString("source"));
      partner.send(new JsonObject().put("type", "drill").put("seq", 2));
      assertEquals("py-gil", owner.next("cue").getJsonObject("card").getString("id"), "then the worst one again");
      partner.sync();
      assertTrue(partner.seen().stream().noneMatch(m -> m.containsKey("missed") || m.containsKey("lastCoverage")),
          "the partner learns the question, not the history");
    }
  }
}

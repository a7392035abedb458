package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's own cards take part in the semantic path: a question worded unlike their card (few
 * shared words, so the words alone are not sure) brings it up in their sessions, at the final and
 * at a pause, and never in anyone else's; a question nearer a card of the server's bank still gets
 * that one; a fallback lists the owner's card among its related ones when it is among the nearest.
 */
@ExtendWith(VertxExtension.class)
class OwnCardsByMeaningTest {
  private static final String DEPLOY_Q = "What is the deploy checklist for the payments ledger service?";
  /** Shares "ledger" and "service" with the card; its words alone give it about 0.24 of the 0.7 an inline card needs. */
  private static final String REWORDED = "walk me through how we release the ledger service to production";

  /** Nearest her card by meaning, but not surely enough for a card: a fallback either way. */
  private static final String UNSURE = "tell me about the ledger release steps";

  @TempDir
  Path dir;

  @Test
  void ownCardsMatchByMeaningInTheOwnersSessionsOnly(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startSemantic(vertx, dir, b -> b.set(ConfigKey.MATCH_SPECULATE_MILLIS, 0))) {
      String alice = server.newUser();
      String bob = server.newUser();
      assertEquals(201, server.call("POST", "/api/my/banks", alice,
          OwnBankTest.bank(OwnBankTest.card("ledger-deploy", DEPLOY_Q))).status());
      try (WsClient a = WsClient.connect(server, alice, server.newSession(alice))) {
        a.snippet("interviewer", "hi there", true, 1); // the room learns its owner; their cards are embedded meanwhile
        a.next("ack");
        awaitOwnCardsEmbedded(server, 1);

        a.snippet("interviewer", REWORDED, true, 2);
        JsonObject cue = a.next("cue");
        assertEquals("ledger-deploy", cue.getJsonObject("card").getString("id"), cue.encode());
        assertEquals("yours", cue.getString("source"));

        // nearer one of the server's cards by meaning than to hers: the server's card
        a.snippet("interviewer", "okay different topic how do you deploy a django application", true, 3);
        JsonObject next = a.next("cue");
        assertEquals("design-deploy", next.getJsonObject("card").getString("id"), next.encode());
        assertEquals("semantic", next.getString("source"));

        // no card sure of it, hers the nearest: a fallback with her card among the related ones
        a.snippet("interviewer", UNSURE, true, 4);
        JsonObject fallback = a.next("cue");
        assertEquals(true, fallback.getBoolean("fallback"), fallback.encode());
        assertTrue(fallback.getJsonArray("related").stream()
            .anyMatch(r -> "ledger-deploy".equals(((JsonObject) r).getString("id"))), fallback.encode());
      }
      try (WsClient b = WsClient.connect(server, bob, server.newSession(bob))) {
        b.snippet("interviewer", "hi there", true, 1);
        b.next("ack");
        b.snippet("interviewer", UNSURE, true, 2);
        JsonObject fallback = b.next("cue");
        assertEquals(true, fallback.getBoolean("fallback"), "Bob's bank has nothing sure of it: " + fallback.encode());
        b.snippet("interviewer", REWORDED, true, 3);
        // a card of the server's bank, or more on the fallback on screen (the ledger is its topic too)
        JsonObject answer = b.nextOf("cue", "followup");
        if ("cue".equals(answer.getString("type"))) {
          assertNotEquals("ledger-deploy", answer.getJsonObject("card").getString("id"), "never Alice's card");
        }
        assertTrue(!b.seen().toString().contains("ledger-deploy"), "nothing of Alice's cards: " + b.seen());
      }
    }
  }

  @Test
  void anOwnCardLandsAtAPauseBeforeTheFinal(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.startSemantic(vertx, dir, b -> b)) {
      String alice = server.newUser();
      assertEquals(201, server.call("POST", "/api/my/banks", alice,
          OwnBankTest.bank(OwnBankTest.card("ledger-deploy", DEPLOY_Q))).status());
      try (WsClient a = WsClient.connect(server, alice, server.newSession(alice))) {
        a.snippet("interviewer", "hi there", true, 1);
        a.next("ack");
        awaitOwnCardsEmbedded(server, 1);
        a.snippet("interviewer", REWORDED, false, 2); // an interim snippet, then the speaker pauses
        JsonObject cue = a.next("cue");
        assertEquals("ledger-deploy", cue.getJsonObject("card").getString("id"), cue.encode());
        assertEquals("yours", cue.getString("source"));
        assertEquals(true, cue.getBoolean("speculative"));
        assertEquals(false, cue.getBoolean("final"));
      }
    }
  }

  /** Waits (10 s at most) until the server says it has embedded this many users' own cards. */
  private static void awaitOwnCardsEmbedded(TestServer server, int users) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    String count = "cuecard_own_cards_embedding_seconds_count ";
    while (true) {
      String metrics = server.call("GET", "/metrics", null, (String) null).body();
      if (metrics.lines().anyMatch(l -> l.startsWith(count) && Double.parseDouble(l.substring(count.length())) >= users)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("own cards not embedded within 10 s: "
            + metrics.lines().filter(l -> l.contains("own_cards")).toList());
      }
      Thread.sleep(50);
    }
  }
}

package dev.cuecard.server;

import dev.cuecard.support.TestCluster;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real cluster members (clustered Vert.x on Hazelcast, one PostgreSQL store) in this JVM,
 * shared by the tests: every node accepts every user, a session's room runs once cluster-wide and
 * its messages reach sockets on both nodes. Runs in the PostgreSQL run only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {
  TestCluster cluster;
  TestServer a;
  TestServer b;

  @BeforeAll
  void startCluster(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestStore.postgres(), "a cluster shares a PostgreSQL store");
    cluster = TestCluster.start(dir, 2);
    a = cluster.node(0);
    b = cluster.node(1);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aTokenFromOneNodeWorksOnTheOther() {
    String token = a.newUser();
    assertEquals(200, b.call("GET", "/api/me", token, (String) null).status());
    String session = b.newSession(token);
    assertEquals(200, a.call("GET", "/api/sessions/" + session, token, (String) null).status());
  }

  @Test
  void aPartnerOnOneNodeAsksAndTheCandidateOnTheOtherGetsOneCueAndCoverageTicksOnBoth() {
    String token = a.newUser();
    String session = a.newSession(token);
    String invite = a.call("POST", "/api/sessions/" + session + "/invites", token, new JsonObject()).json()
        .getString("token");
    try (WsClient candidate = WsClient.connect(a, token, session);
         WsClient partner = WsClient.open(b, invite, session, "?role=partner")) {
      partner.next("welcome", 30);
      partner.send(new JsonObject().put("type", "ask").put("cardId", "orm-select-vs-prefetch").put("seq", 1));
      assertEquals(1, partner.next("ack").getLong("seq"));
      assertEquals("orm-select-vs-prefetch", candidate.next("cue").getJsonObject("card").getString("id"));
      candidate.snippet("candidate", "select related uses a sql join in a single query", true, 1);
      candidate.next("ack");
      JsonObject seenByCandidate = candidate.latest("coverage");
      JsonObject seenByPartner = partner.latest("coverage");
      assertTrue(seenByCandidate.getInteger("covered") >= 1, seenByCandidate.encode());
      assertEquals(seenByCandidate.getInteger("covered"), seenByPartner.getInteger("covered"));
      candidate.sync();
      partner.sync();
      assertEquals(1, candidate.seen("cue").size(), "one cue, not one per node: " + candidate.seen("cue"));
      assertEquals(1, partner.seen("cue").size());
    }
  }

  @Test
  void joinsRacingOnTwoNodesMakeOneRoom() throws Exception {
    String token = a.newUser();
    int sessions = 8;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      ids.add(a.newSession(token));
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (rooms() > 0 && System.nanoTime() < until) {
      Thread.sleep(100); // rooms of earlier tests go a grace second after their sockets
    }
    assertEquals(0, rooms(), "no rooms left from earlier tests");
    List<WsClient> clients = new ArrayList<>();
    try {
      for (String id : ids) {
        CompletableFuture<WsClient> onA = CompletableFuture.supplyAsync(() -> WsClient.connect(a, token, id));
        CompletableFuture<WsClient> onB = CompletableFuture.supplyAsync(() -> {
          WsClient c = WsClient.open(b, token, id, "?role=observer");
          c.next("welcome", 30);
          return c;
        });
        WsClient candidate = onA.get(30, TimeUnit.SECONDS);
        WsClient observer = onB.get(30, TimeUnit.SECONDS);
        clients.add(candidate);
        clients.add(observer);
        candidate.snippet("interviewer", "what is a python generator", true, 1);
        assertEquals("py-generators", observer.next("cue").getJsonObject("card").getString("id"));
        candidate.next("ack");
        candidate.sync();
        observer.sync();
        assertEquals(1, candidate.seen("cue").size(), "one room answered: " + candidate.seen("cue"));
        assertEquals(1, observer.seen("cue").size(), "one room answered: " + observer.seen("cue"));
      }
      assertEquals(sessions, rooms(), "exactly one room per session across the cluster");
    } finally {
      clients.forEach(WsClient::close);
    }
  }

  @Test
  void deletingASessionOnOneNodeClosesItsSocketsOnTheOther() {
    String token = a.newUser();
    String session = a.newSession(token);
    try (WsClient onB = WsClient.connect(b, token, session)) {
      onB.sync();
      assertEquals(204, a.call("DELETE", "/api/sessions/" + session, token, (String) null).status());
      assertEquals("session_deleted", onB.next("error").getString("code"));
      assertEquals(4404, onB.awaitClose());
    }
  }

  @Test
  void revokingAnInviteOnOneNodeClosesThePartnerOnTheOther() {
    String token = a.newUser();
    String session = a.newSession(token);
    JsonObject invite = a.call("POST", "/api/sessions/" + session + "/invites", token, new JsonObject()).json();
    try (WsClient partner = WsClient.open(b, invite.getString("token"), session, "?role=partner")) {
      partner.next("welcome", 30);
      assertEquals(204, a.call("DELETE", "/api/sessions/" + session + "/invites/" + invite.getString("id"), token,
          (String) null).status());
      assertEquals(LiveSocket.CLOSE_REVOKED, partner.awaitClose());
    }
    assertEquals(401, b.call("GET", "/api/banks", invite.getString("token"), (String) null).status(),
        "and the invite stops working on every node");
  }

  @Test
  void loggingOutEverywhereOnOneNodeEndsTheTokenAndClosesItsSocketOnTheOther() {
    String token = a.newUser();
    String session = a.newSession(token);
    assertEquals(200, b.call("GET", "/api/me", token, (String) null).status(), "known, and cached, on b");
    try (WsClient onB = WsClient.connect(b, token, session)) {
      onB.sync();
      assertEquals(204, a.call("POST", "/api/auth/logout-all", token, (String) null).status());
      // at once through the announcement; within 15 s (1.5 x the cluster's auth.tokenCheckSeconds)
      // through b's periodic check should the announcement be lost (one CI run saw no close in 5 s)
      assertEquals(LiveSocket.CLOSE_TOKEN_REVOKED, onB.awaitClose(20));
    }
    assertEquals(401, b.call("GET", "/api/me", token, (String) null).status(), "b's cache was dropped at once");
  }

  private int rooms() {
    return a.call("GET", "/health", null, (String) null).json().getInteger("liveSessions")
        + b.call("GET", "/health", null, (String) null).json().getInteger("liveSessions");
  }
}

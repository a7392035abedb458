package dev.cuecard.server;

import dev.cuecard.cluster.LocalCluster;
import dev.cuecard.support.RemoteServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two node processes on one PostgreSQL store behind a real HAProxy (the harness of
 * {@code cuecard cluster-demo}). The node that owns a live room is killed with SIGKILL in the
 * middle of an answer: the client reconnects through the balancer, the room resumes on the other
 * node with its card and the answer so far, and the transcript holds every acked snippet once.
 * Then the killed node restarts, rejoins and serves new sessions. Before all that, both nodes
 * stall for 2 s at once and the balancer must not drop them. PostgreSQL run only.
 */
@ExtendWith(VertxExtension.class)
class ClusterFailoverTest {
  private static final String ASKED = "orm-select-vs-prefetch";

  @TempDir
  Path dir;

  @Test
  void theOwnerDiesMidAnswerTheRoomMovesNothingAckedIsLostAndTheNodeRejoins(Vertx vertx) throws Exception {
    Assumptions.assumeTrue(TestStore.postgres(), "a cluster shares a PostgreSQL store");
    if (LocalCluster.haproxyBinary().isEmpty() && !"1".equals(System.getenv("REQUIRE_HAPROXY_TESTS"))) {
      Assumptions.abort("needs Debian's haproxy on the PATH (.ci/run installs it)");
    }
    LocalCluster.Options options = new LocalCluster.Options(2, TestStore.url(dir.resolve("store")), TestStore.password(),
        dir, 0, List.of("--auth.passwordIterations=1000", "--match.semantic=false", "--ws.ratePerSecond=1000",
        "--ws.rateBurst=1000"), System.out);
    try (LocalCluster cluster = LocalCluster.start(options)) {
      RemoteServer balancer = new RemoteServer(vertx, cluster.balancer());
      String token = balancer.newUser();
      // both nodes stall at once for 2 s (a long collection on a loaded host): the balancer waits
      // for their slow /health instead of taking them for dead, so the next request finds a node
      signalAll(cluster, "STOP");
      Thread.sleep(2000);
      signalAll(cluster, "CONT");
      String session = balancer.newSession(token);
      String invite = balancer.call("POST", "/api/sessions/" + session + "/invites", token, new JsonObject()).json()
          .getString("token");
      Map<Long, String> unacked = new TreeMap<>();
      WsClient candidate = WsClient.connect(balancer, token, session);
      try (WsClient partner = WsClient.open(balancer, invite, session, "?role=partner")) {
        partner.next("welcome");
        partner.send(new JsonObject().put("type", "ask").put("cardId", ASKED).put("seq", 1));
        assertEquals(ASKED, candidate.next("cue").getJsonObject("card").getString("id"));
      }
      send(candidate, unacked, 1, "select related uses a sql join in a single query");
      for (long seq = 2; seq <= 10; seq++) {
        send(candidate, unacked, seq, "and then part " + seq + " of my answer");
      }
      awaitAcks(candidate, unacked);
      assertTrue(candidate.latest("coverage").getInteger("covered") >= 1);

      int owner = owner(cluster, vertx);
      long killed = System.nanoTime();
      cluster.kill(owner);
      for (long seq = 11; seq <= 15; seq++) {
        try {
          send(candidate, unacked, seq, "and then part " + seq + " of my answer");
        } catch (RuntimeException socketGone) {
          unacked.put(seq, "and then part " + seq + " of my answer");
        }
      }
      // a client: keep what is unacked, reconnect through the balancer when the socket is gone, re-send
      JsonObject welcome = null;
      while (!unacked.isEmpty()) {
        assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(40), "failover took over 40 s");
        if (welcome == null || candidate.isClosed()) {
          candidate.close();
          candidate = reconnect(balancer, token, session);
          welcome = candidate.seen("welcome").get(0);
          for (Map.Entry<Long, String> e : unacked.entrySet()) {
            candidate.snippet("candidate", e.getValue(), true, e.getKey());
          }
        }
        try {
          unacked.remove(candidate.next("ack").getLong("seq"));
        } catch (AssertionError closedOrSlow) {
          welcome = null; // reconnect and re-send
        }
      }
      double failoverSeconds = (System.nanoTime() - killed) / 1e9;
      System.out.printf("failover: %.2f s from SIGKILL to every snippet acked again%n", failoverSeconds);
      assertEquals(ASKED, welcome.getJsonObject("cue").getJsonObject("card").getString("id"),
          "the room resumed on the other node with the card that was up");

      send(candidate, unacked, 16, "prefetch related runs a separate query per relation and joins in python");
      awaitAcks(candidate, unacked);
      assertEquals(2, candidate.latest("coverage").getInteger("covered"),
          "the answer so far was restored: the point made before the failover still counts");
      candidate.close();

      List<String> stored = balancer.call("GET", "/api/sessions/" + session + "/transcript", token, (String) null)
          .json().getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(i -> "utterance".equals(i.getString("kind")))
          .map(i -> i.getString("participantId") + "#" + i.getLong("seq")).toList();
      assertEquals(17, stored.size(), "the ask and 16 answer snippets: " + stored);
      assertEquals(17, new java.util.HashSet<>(stored).size(), "each stored once: " + stored);

      cluster.restart(owner);
      RemoteServer restarted = new RemoteServer(vertx, cluster.node(owner));
      RemoteServer other = new RemoteServer(vertx, cluster.node(1 - owner));
      String fresh = restarted.newSession(token);
      try (WsClient onRestarted = WsClient.connect(restarted, token, fresh);
           WsClient onOther = WsClient.open(other, token, fresh, "?role=observer")) {
        onOther.next("welcome");
        onRestarted.snippet("interviewer", "what is a python generator", true, 1);
        assertEquals("py-generators", onOther.next("cue").getJsonObject("card").getString("id"),
            "the restarted node rejoined the cluster: its room reaches the other node's sockets");
        onRestarted.next("ack");
      }
    }
  }

  private static void signalAll(LocalCluster cluster, String signal) throws Exception {
    for (int i = 0; i < cluster.size(); i++) {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(cluster.pid(i))).inheritIO().start();
      assertEquals(0, kill.waitFor(), "kill -" + signal);
    }
  }

  private static void send(WsClient ws, Map<Long, String> unacked, long seq, String text) {
    unacked.put(seq, text);
    ws.snippet("candidate", text, true, seq);
  }

  private static void awaitAcks(WsClient ws, Map<Long, String> unacked) {
    while (!unacked.isEmpty()) {
      unacked.remove(ws.next("ack").getLong("seq"));
    }
  }

  private static WsClient reconnect(RemoteServer balancer, String token, String session) throws InterruptedException {
    while (true) {
      try {
        return WsClient.connect(balancer, token, session);
      } catch (RuntimeException | AssertionError refusedOrSlow) {
        Thread.sleep(200);
      }
    }
  }

  /** The node whose /health counts the live room. */
  private static int owner(LocalCluster cluster, Vertx vertx) {
    for (int i = 0; i < cluster.size(); i++) {
      if (new RemoteServer(vertx, cluster.node(i)).call("GET", "/health", null, (String) null).json()
          .getInteger("liveSessions") == 1) {
        return i;
      }
    }
    throw new AssertionError("no node runs the room");
  }
}

package dev.cuecard.server;

import dev.cuecard.support.ChildServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several rounds of: start the real server process, have several clients reconnect, re-send some
 * snippets already acknowledged (each must come back {@code duplicate: true}) and stream new
 * ones, then SIGKILL the server at a random moment. At the end every acknowledged seq of every
 * client is stored exactly once. The seed is printed on failure; -Dcuecard.crash.seed=N repeats
 * a run.
 */
@ExtendWith(VertxExtension.class)
class CrashRoundsTest {
  private static final int ROUNDS = 3;
  private static final int CLIENTS = 3;
  /** Fast clients, but within what the store can take (PostgreSQL here stores a few thousand a second). */
  private static final String[] FLAGS = {"--ws.ratePerSecond=1000", "--ws.rateBurst=2000"};

  @TempDir
  Path dir;

  /** One client's session and what the server has acknowledged to it, across rounds. */
  private static final class Client {
    String token;
    String session;
    final Set<Long> acked = ConcurrentHashMap.newKeySet();
    volatile long sent;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  }

  @Test
  void everyAckedSeqSurvivesRepeatedKillsExactlyOnce(Vertx vertx) throws Exception {
    long seed = Long.getLong("cuecard.crash.seed", System.currentTimeMillis());
    Random random = new Random(seed);
    String where = " (seed " + seed + ")";
    List<Client> clients = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      try (ChildServer server = ChildServer.start(vertx, dir, FLAGS)) {
        if (round == 1) {
          for (int i = 0; i < CLIENTS; i++) {
            Client c = new Client();
            c.token = server.newUser();
            c.session = server.newSession(c.token);
            clients.add(c);
          }
        }
        List<Thread> threads = new ArrayList<>();
        CountDownLatch streaming = new CountDownLatch(clients.size());
        for (Client c : clients) {
          List<Long> again = pickAcked(c, random);
          Thread t = new Thread(() -> stream(server, c, again, streaming), "crash-client");
          t.start();
          threads.add(t);
        }
        // kill mid-stream: once every client has had an ack this round (a cold server can take a moment), then at random
        if (!streaming.await(30, TimeUnit.SECONDS)) {
          List<String> all = new ArrayList<>();
          clients.forEach(c -> all.addAll(c.problems));
          throw new AssertionError("not every client streaming in round " + round + where + ": " + all + "; output "
              + server.output().subList(Math.max(0, server.output().size() - 30), server.output().size()));
        }
        Thread.sleep(random.nextInt(1500));
        server.kill();
        for (Thread t : threads) {
          t.join(60_000);
        }
      }
      for (Client c : clients) {
        assertEquals(List.of(), c.problems, "round " + round + where);
        assertTrue(c.sent > 0, "the client sent in round " + round + where);
      }
    }
    try (ChildServer server = ChildServer.start(vertx, dir, FLAGS)) {
      for (Client c : clients) {
        Map<Long, String> stored = server.storedUtterances(c.token, c.session); // fails on a seq stored twice
        for (long seq : c.acked) {
          assertEquals(text(seq), stored.get(seq), "acked, so stored: seq " + seq + where);
        }
        assertTrue(c.acked.size() > 0, where);
      }
    }
  }

  /** Up to 10 seqs acknowledged in earlier rounds, to send again. */
  private static List<Long> pickAcked(Client c, Random random) {
    List<Long> acked = new ArrayList<>(c.acked);
    Collections.sort(acked);
    Collections.shuffle(acked, random);
    return acked.subList(0, Math.min(10, acked.size()));
  }

  /**
   * Reconnects, re-sends acknowledged seqs (expecting duplicates) and every unacknowledged one
   * sent before, then streams new seqs until the server dies; records every ack.
   */
  private static void stream(ChildServer server, Client c, List<Long> again, CountDownLatch streaming) {
    WsClient ws;
    try {
      ws = WsClient.open(server, c.token, c.session, "");
      ws.next("welcome");
    } catch (RuntimeException | AssertionError e) {
      c.problems.add("could not connect: " + e);
      return;
    }
    Set<Long> expectDuplicate = ConcurrentHashMap.newKeySet();
    expectDuplicate.addAll(again);
    Thread sender = new Thread(() -> {
      try {
        for (long seq : again) {
          ws.snippet("candidate", text(seq), true, seq);
        }
        for (long seq = 1; seq <= c.sent; seq++) {
          if (!c.acked.contains(seq)) {
            ws.snippet("candidate", text(seq), true, seq);
          }
        }
        while (!ws.isClosed()) {
          long seq = c.sent + 1;
          ws.snippet("candidate", text(seq), true, seq);
          c.sent = seq;
          Thread.sleep(2); // a brisk stream (up to 500 a second per client), not an unbounded flood
        }
      } catch (RuntimeException | InterruptedException closed) {
        // the server died under us: the point of the test
      }
    });
    sender.start();
    boolean counted = false;
    try {
      while (true) {
        JsonObject ack;
        try {
          ack = ws.next("ack");
        } catch (AssertionError quiet) {
          if (ws.isClosed()) {
            throw quiet;
          }
          continue; // a busy machine may pause for seconds; only a closed socket ends the round
        }
        long seq = ack.getLong("seq");
        if (expectDuplicate.remove(seq) && !ack.getBoolean("duplicate", false)) {
          c.problems.add("re-sent acked seq " + seq + " was not reported as a duplicate: " + ack.encode());
        }
        c.acked.add(seq);
        if (!counted) {
          counted = true;
          streaming.countDown();
        }
      }
    } catch (AssertionError closedOrQuiet) {
      // the socket closed with the server
    }
    try {
      sender.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ws.close();
  }

  private static String text(long seq) {
    return "answer part " + seq + " with a few more words";
  }
}

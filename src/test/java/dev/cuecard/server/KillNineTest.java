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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL in the middle of a stream of final snippets: every snippet acked before the kill is in
 * the store after a restart, and re-sending the unacknowledged ones completes the record with
 * nothing twice.
 */
@ExtendWith(VertxExtension.class)
class KillNineTest {
  private static final int SNIPPETS = 1500;
  private static final int KILL_AFTER_ACKS = 200;

  @TempDir
  Path dir;

  @Test
  void everyAckedSnippetSurvivesSigkillAndResendingTheRestCompletesTheRecord(Vertx vertx) throws Exception {
    String token;
    String session;
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    try (ChildServer server = ChildServer.start(vertx, dir, "--ws.ratePerSecond=100000", "--ws.rateBurst=100000")) {
      token = server.newUser();
      session = server.newSession(token);
      WsClient ws = WsClient.connect(server, token, session);
      Thread sender = new Thread(() -> {
        try {
          for (long seq = 1; seq <= SNIPPETS; seq++) {
            ws.snippet("candidate", text(seq), true, seq);
          }
        } catch (RuntimeException closed) {
          // the server died under us: the point of the test
        }
      });
      sender.start();
      while (acked.size() < KILL_AFTER_ACKS) {
        acked.add(ws.next("ack").getLong("seq"));
      }
      server.kill();
      try {
        while (true) { // acks that arrived before the connection died count too
          acked.add(ws.next("ack").getLong("seq"));
        }
      } catch (AssertionError closedOrQuiet) {
        // the socket closed
      }
      sender.join(30_000);
      ws.close();
    }
    assertTrue(acked.size() < SNIPPETS, "killed mid-stream: " + acked.size() + " acked");

    try (ChildServer again = ChildServer.start(vertx, dir, "--ws.ratePerSecond=100000", "--ws.rateBurst=100000")) {
      Map<Long, String> stored = again.storedUtterances(token, session);
      for (long seq : acked) {
        assertEquals(text(seq), stored.get(seq), "acked before SIGKILL, so stored: seq " + seq);
      }
      try (WsClient ws = WsClient.open(again, token, session, "")) {
        long lastSeq = ws.next("welcome").getLong("lastSeq");
        assertTrue(lastSeq >= acked.stream().mapToLong(Long::longValue).max().orElse(0), "lastSeq " + lastSeq);
        int resent = 0;
        for (long seq = 1; seq <= SNIPPETS; seq++) {
          if (!acked.contains(seq)) {
            ws.snippet("candidate", text(seq), true, seq);
            resent++;
          }
        }
        for (int i = 0; i < resent; i++) {
          JsonObject ack = ws.next("ack");
          // seen stored, so a duplicate; one not seen may still have been committed by the dying server's
          // last transaction (PostgreSQL finishes a COMMIT it received), so either answer is true for it
          if (stored.containsKey(ack.getLong("seq"))) {
            assertTrue(ack.getBoolean("duplicate"), ack.encode());
          }
        }
      }
      Map<Long, String> complete = again.storedUtterances(token, session);
      assertEquals(SNIPPETS, complete.size(), "every snippet stored exactly once");
    }
  }

  private static String text(long seq) {
    return "answer part " + seq;
  }
}

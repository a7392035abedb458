package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.RawWebSocket;
import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compressed message that inflates to 50 MB must not stall the event loop it lands on. All
 * sockets share one event loop here, so a stall shows as long ping round trips on the others.
 */
class CompressionBombTest extends SessionTestBase {
  /** 50 MB of one letter in a note: about 50 KB once deflated. */
  private static final int INFLATED_BYTES = 50 * 1024 * 1024;
  private static final long VICTIM_RTT_LIMIT_MS = 500;

  @Override
  protected Config config() {
    return TestServer.builder(dir).set(ConfigKey.SERVER_INSTANCES, 1).build();
  }

  @Test
  void aCompressedBombIsRefusedAtOnceWhileOtherSocketsKeepTheirRoundTrips() throws Exception {
    String otherSession = server.newSession(token);
    byte[] bomb = RawWebSocket.deflateMessage(("{\"type\":\"note\",\"text\":\"" + "a".repeat(INFLATED_BYTES) + "\"}")
        .getBytes(StandardCharsets.US_ASCII));
    assertTrue(bomb.length < 100_000, "the bomb is small on the wire: " + bomb.length);

    try (WsClient victim = WsClient.connect(server, token, session);
         WsClient bystander = WsClient.open(server, token, session, "?role=observer");
         RawWebSocket attacker = RawWebSocket.open(server.port(), "/ws/sessions/" + otherSession,
             "Authorization: Bearer " + token,
             "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits")) {
      bystander.next("welcome");
      assertNull(attacker.responseHeader("Sec-WebSocket-Extensions"),
          "the server does not negotiate compression (docs/security.md)");
      assertEquals(RawWebSocket.OP_TEXT, attacker.readFrame().opcode(), "the welcome");

      AtomicLong worstRttMs = new AtomicLong();
      AtomicReference<Throwable> victimFailure = new AtomicReference<>();
      List<Thread> pingers = new ArrayList<>();
      for (WsClient c : List.of(victim, bystander)) {
        Thread t = new Thread(() -> {
          long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
          try {
            while (System.nanoTime() < until) {
              long t0 = System.nanoTime();
              c.sync();
              worstRttMs.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), Math::max);
              Thread.sleep(50); // 20 pings/s: under the per-connection rate limit
            }
          } catch (Throwable e) {
            victimFailure.compareAndSet(null, e);
          }
        });
        t.start();
        pingers.add(t);
      }
      Thread.sleep(300);

      long sent = System.nanoTime();
      attacker.sendFrame(RawWebSocket.OP_TEXT, true, bomb);
      RawWebSocket.Frame f;
      int closeCode = -1;
      while ((f = attacker.readFrame()) != null) {
        if (f.opcode() == RawWebSocket.OP_CLOSE) {
          closeCode = f.closeCode();
          break;
        }
      }
      long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

      for (Thread t : pingers) {
        t.join(15_000);
      }
      assertNull(victimFailure.get(), () -> "a victim socket failed: " + victimFailure.get());
      assertTrue(worstRttMs.get() < VICTIM_RTT_LIMIT_MS,
          "other sockets on the same event loop kept their ping round trips: worst " + worstRttMs.get() + " ms");
      assertTrue(closedAfterMs < 2000, "the attacker was closed at once, not after inflating: " + closedAfterMs + " ms");
      assertTrue(closeCode == 1002 || closeCode == 1009, "closed as a protocol error or too big: " + closeCode);
      victim.snippet("interviewer", "what is a python generator", true, 1);
      assertEquals(1, victim.next("ack").getLong("seq"), "the server keeps serving");
    }
  }
}

package dev.cuecard.server;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live sockets of this server, by account (or invite): enforces {@code limits.maxSockets}
 * and {@code limits.socketsPerUser} at the handshake, before a socket costs memory, and finds an
 * account's sockets when its tokens are revoked. Shared by all event loops.
 */
final class LiveSockets {
  /** Heap budgeted per live socket when limits.maxSockets is 0 (the idle-session benchmark used about 30 KiB). */
  static final long BYTES_PER_SOCKET = 100 * 1024;

  private final int max;
  private final int perUser;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, Set<LiveSocket>> sockets = new ConcurrentHashMap<>();

  LiveSockets(int configuredMax, int perUser) {
    this.max = configuredMax > 0 ? configuredMax
        : (int) Math.max(1_000, Math.min(1_000_000, Runtime.getRuntime().maxMemory() / BYTES_PER_SOCKET));
    this.perUser = perUser;
  }

  int max() {
    return max;
  }

  boolean full() {
    return total.get() >= max;
  }

  enum Refusal { SERVER_FULL, USER_FULL }

  /** Holds a place for one more socket of this user, or says why not. */
  Refusal reserve(String userKey) {
    if (total.incrementAndGet() > max) {
      total.decrementAndGet();
      return Refusal.SERVER_FULL;
    }
    AtomicInteger n = counts.computeIfAbsent(userKey, k -> new AtomicInteger());
    if (n.incrementAndGet() > perUser) {
      release(userKey);
      return Refusal.USER_FULL;
    }
    return null;
  }

  /** Gives back a place taken by {@link #reserve}. */
  void release(String userKey) {
    total.decrementAndGet();
    counts.computeIfPresent(userKey, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  void opened(String userKey, LiveSocket socket) {
    sockets.computeIfAbsent(userKey, k -> ConcurrentHashMap.newKeySet()).add(socket);
  }

  void closed(String userKey, LiveSocket socket) {
    sockets.computeIfPresent(userKey, (k, set) -> {
      set.remove(socket);
      return set.isEmpty() ? null : set;
    });
    release(userKey);
  }

  /** The accounts (and invites) with a live socket on this node. */
  Set<String> holders() {
    return sockets.keySet();
  }

  Set<LiveSocket> of(String userKey) {
    return sockets.getOrDefault(userKey, Set.of());
  }
}

package dev.cuecard.server;

import io.vertx.core.http.HttpConnection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps open connections per client address ({@code limits.connectionsPerAddress}): one machine
 * cannot hold all of the server's sockets. Vert.x hands over an HTTP connection once its first
 * bytes arrive (it looks at them to tell HTTP/1 from HTTP/2), so a connection counts from its
 * first request; one that never sends anything is closed by the idle timeout
 * ({@code ws.idleTimeoutSeconds}). Connections from a trusted proxy are not counted (they carry
 * many clients; cap those at the proxy). Shared by all event loops.
 */
final class AddressConnections {
  private final int limit;
  private final java.util.List<String> trustedProxies;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

  AddressConnections(int limit, java.util.List<String> trustedProxies) {
    this.limit = limit;
    this.trustedProxies = trustedProxies;
  }

  /** Counts a new connection, closing it at once when its address already has the most allowed. */
  void opened(HttpConnection conn, Runnable onRefused) {
    if (limit <= 0 || conn.remoteAddress() == null) {
      return;
    }
    String address = conn.remoteAddress().hostAddress();
    if (address == null || trustedProxies.contains(address)) {
      return;
    }
    AtomicInteger n = open.computeIfAbsent(address, k -> new AtomicInteger());
    if (n.incrementAndGet() > limit) {
      release(address);
      onRefused.run();
      conn.close();
      return;
    }
    conn.closeHandler(v -> release(address));
  }

  private void release(String address) {
    open.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }
}

package dev.cuecard.server;

import io.vertx.core.net.SocketAddress;

import java.util.List;

/**
 * The client's IP address for throttling and limits: the socket's peer, or, when that peer is a
 * configured trusted proxy, the last address the proxy appended to {@code X-Forwarded-For}. A
 * client cannot name itself this way, since only a trusted peer's header is read.
 */
final class ClientAddress {
  private final List<String> trustedProxies;

  ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  String of(SocketAddress peer, String forwardedFor) {
    String direct = peer == null ? "unknown" : peer.hostAddress();
    if (direct == null) {
      direct = "unknown";
    }
    if (forwardedFor == null || !trustedProxies.contains(direct)) {
      return direct;
    }
    int comma = forwardedFor.lastIndexOf(',');
    String last = forwardedFor.substring(comma + 1).trim();
    return last.isEmpty() || last.length() > 45 ? direct : last;
  }
}

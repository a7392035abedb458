package dev.cuecard.server;

import dev.cuecard.auth.Secrets;
import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import io.vertx.core.net.SocketAddress;


/**
 * "Use Cuecard on this computer": on a server bound to loopback, one local account needs no
 * registration. The first visit may take it while the server has no accounts at all; after that,
 * the key in the link the server prints at start-up (new each start, like a notebook server's
 * token) signs in to it again. Never offered on a server bound to any other address, nor to a
 * request that did not come from this machine.
 */
final class LocalAccess {
  static final String USERNAME = "local";

  private final boolean enabled;
  private final String key = Secrets.newToken();

  LocalAccess(Config config) {
    this.enabled = config.bool(ConfigKey.AUTH_LOCAL_ACCOUNT) && HostPolicy.isLoopback(config.string(ConfigKey.SERVER_HOST));
  }

  /** The key for the start-up link, or null when local access is off. */
  String key() {
    return enabled ? key : null;
  }

  /** Whether this request may use local access at all: the server and the caller are both on loopback. */
  boolean offeredTo(SocketAddress peer) {
    return enabled && peer != null && peer.hostAddress() != null
        && (peer.hostAddress().startsWith("127.") || peer.hostAddress().equals("0:0:0:0:0:0:0:1")
        || peer.hostAddress().equals("::1"));
  }

  boolean keyMatches(String given) {
    return Secrets.same(key, given);
  }
}

package dev.cuecard.auth;

import dev.cuecard.store.Users;
import dev.cuecard.store.Users.TokenState;
import io.vertx.core.Future;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "is this account token still good?" on every request and socket without a database
 * read each time: each account's token state (its version and its logged-out token ids) is kept
 * here for {@code auth.tokenCheckSeconds} (30 s by default) and dropped at once when any node
 * announces a change (a logout, a password change, a deletion: {@link #changed}). Checks that
 * arrive while the state is being read (all of an account's sockets after a change, say) wait for
 * that one read. The short freshness bounds how long a missed announcement could leave a revoked
 * token working on one node, for requests and, through the periodic check of open sockets, for
 * sockets too.
 */
public final class Revocations {
  private static final int MAX_ENTRIES = 100_000;

  private final Users users;
  private final long freshMs;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Revocations(Users users, long freshMs) {
    this.users = users;
    this.freshMs = freshMs;
  }

  /** How long a read of an account's state is trusted. */
  public long freshMs() {
    return freshMs;
  }

  /** An account's state as loaded (or being loaded) at {@code loadedAt}: concurrent checks share one read. */
  private record Cached(Future<Optional<TokenState>> state, long loadedAt) {
  }

  /** Resolves to null when the token is good, else a short reason safe to show the caller. */
  public Future<String> check(Principal p) {
    if (p.isInvite()) {
      return Future.succeededFuture(null); // invites are checked against their own table
    }
    long now = System.currentTimeMillis();
    if (cache.size() >= MAX_ENTRIES) {
      cache.values().removeIf(x -> now - x.loadedAt >= freshMs);
    }
    Cached c = cache.compute(p.userId(), (id, old) -> old != null && now - old.loadedAt < freshMs ? old
        : new Cached(users.tokenState(id, now), now));
    c.state.onFailure(e -> cache.remove(p.userId(), c)); // a failed read is not kept
    return c.state.map(state -> reason(p, state));
  }

  /** Forgets what is known of an account, so its next check reads the store. */
  public void changed(String userId) {
    cache.remove(userId);
  }

  static String reason(Principal p, Optional<TokenState> state) {
    if (state.isEmpty()) {
      return "the account was deleted";
    }
    if (p.version() < state.get().version()) {
      return "token revoked (password changed or logged out everywhere); log in again";
    }
    if (state.get().revoked().contains(p.tokenId())) {
      return "token revoked (logged out); log in again";
    }
    return null;
  }
}

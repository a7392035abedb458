package dev.cuecard.server;

import dev.cuecard.session.Addresses;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * Tells every node that an account's tokens changed (a logout, a password change, a deletion),
 * after the store holds the change: each node forgets what it cached of the account and closes
 * the account's live sockets whose token no longer passes.
 */
final class AccountEvents {
  private AccountEvents() {
  }

  /**
   * This node forgets the account's cached state before the caller is answered (the event-bus
   * delivery to this node's own listener comes later, and a request right after a logout must
   * already fail); then every node, this one included, hears of it.
   */
  static void publish(Services s, String userId) {
    s.revocations().changed(userId);
    s.vertx().eventBus().publish(Addresses.ACCOUNTS, userId);
  }

  /** This node's listener; a caller waits for its {@code completion()} before serving, so no announcement passes it by. */
  static MessageConsumer<String> listen(Services s) {
    return s.vertx().eventBus().consumer(Addresses.ACCOUNTS, m -> {
      s.revocations().changed(m.body());
      recheck(s, m.body());
    });
  }

  /**
   * The backstop for an announcement that never arrived (the clustered event bus delivers at most
   * once): every open socket on this node is checked again through the cache, which reads the
   * store once its state is older than {@code auth.tokenCheckSeconds}. Run at half that period.
   */
  static void recheckAll(Services s) {
    for (String userId : s.liveSockets().holders()) {
      recheck(s, userId);
    }
  }

  private static void recheck(Services s, String userId) {
    for (LiveSocket socket : s.liveSockets().of(userId)) {
      s.revocations().check(socket.principal()).onSuccess(reason -> {
        if (reason != null) {
          socket.revoke(reason);
        }
      });
    }
  }
}

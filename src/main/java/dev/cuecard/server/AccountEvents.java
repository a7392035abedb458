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

  static MessageConsumer<String> listen(Services s) {
    return s.vertx().eventBus().consumer(Addresses.ACCOUNTS, m -> {
      String userId = m.body();
      s.revocations().changed(userId);
      for (LiveSocket socket : s.liveSockets().of(userId)) {
        s.revocations().check(socket.principal()).onSuccess(reason -> {
          if (reason != null) {
            socket.revoke(reason);
          }
        });
      }
    });
  }
}

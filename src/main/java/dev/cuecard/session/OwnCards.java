package dev.cuecard.session;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.OwnBanks;
import dev.cuecard.match.LiveBank;
import dev.cuecard.match.Matcher;
import dev.cuecard.store.UserBanks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's own cards as a small matcher of their own, next to the shared one: built on a
 * worker from the store when first needed (milliseconds for a few hundred cards) and dropped when
 * the user edits a bank, on every node (an event-bus message), so the next snippet of any of their
 * sessions matches the new cards and nobody else's sessions ever see them.
 */
public final class OwnCards {
  /** Published when a user's banks changed; body: the user id. */
  public static final String CHANGED = "cuecard.ownbanks.changed";
  /** Matchers kept at most; past it they are all dropped and rebuilt as needed (milliseconds each). */
  static final int KEPT = 2_000;

  private final Vertx vertx;
  private final UserBanks store;
  private final LiveBank shared;
  private final Map<String, Future<Matcher>> built = new ConcurrentHashMap<>();
  /** This instance, so that it skips its own change messages (it rebuilt already). */
  private final String self = java.util.UUID.randomUUID().toString();
  private final io.vertx.core.eventbus.MessageConsumer<String> changes;

  public OwnCards(Vertx vertx, UserBanks store, LiveBank shared) {
    this.vertx = vertx;
    this.store = store;
    this.shared = shared;
    changes = vertx.eventBus().<String>consumer(CHANGED, m -> {
      if (!self.equals(m.headers().get("from")) && built.remove(m.body()) != null) {
        matcher(m.body()); // it was in use here: rebuild now rather than on the next snippet
      }
    });
  }

  /** Stops listening for changes and forgets every matcher (the server is stopping). */
  public Future<Void> close() {
    built.clear();
    return changes.unregister();
  }

  /** The user's matcher (null: no cards of their own), built if it is not yet. */
  public Future<Matcher> matcher(String userId) {
    if (built.size() > KEPT) {
      built.clear(); // a bound on memory for a server with many users; the active ones rebuild at once
    }
    return built.computeIfAbsent(userId, id -> {
      Future<Matcher> f = store.list(id).compose(banks -> banks.isEmpty() ? Future.succeededFuture(null)
          : vertx.executeBlocking(() -> {
            Bank bank = OwnBanks.combine(banks.stream().map(UserBanks.Stored::body).toList(), shared.bank());
            return bank.size() == 0 ? null : new Matcher(bank, shared.get().threshold());
          }, false));
      f.onFailure(e -> built.remove(id)); // the store failed: try again next time
      return f;
    });
  }

  /** The user's matcher if it is built already, else null (and it is being built for the next snippet). */
  public Matcher now(String userId) {
    Future<Matcher> f = matcher(userId);
    return f.succeeded() ? f.result() : null;
  }

  /**
   * The user edited their banks: this node rebuilds their matcher (the returned future completes
   * when it is ready, so the edit's response means "matching now"), and every other node that has
   * one rebuilds it too.
   */
  public Future<Void> changed(String userId) {
    built.remove(userId);
    vertx.eventBus().publish(CHANGED, userId, new io.vertx.core.eventbus.DeliveryOptions().addHeader("from", self));
    return matcher(userId).mapEmpty();
  }

  /** A card of the user's own, if their matcher is built and has it. */
  public dev.cuecard.bank.Card card(String userId, String cardId) {
    Matcher m = userId == null ? null : now(userId);
    return m == null ? null : m.bank().get(cardId);
  }
}

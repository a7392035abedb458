package dev.cuecard.session;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.OwnBanks;
import dev.cuecard.match.LiveBank;
import dev.cuecard.match.Matcher;
import dev.cuecard.match.OwnCues;
import dev.cuecard.match.SemanticIndex;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.store.RememberedWordings;
import dev.cuecard.store.UserBanks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Each user's own cards as a small matcher of their own, next to the shared one: built on a
 * worker from the store when first needed (milliseconds for a few hundred cards) and dropped when
 * the user edits a bank, on every node (an event-bus message), so the next snippet of any of their
 * sessions matches the new cards and nobody else's sessions ever see them. When the model runs,
 * their cards are then also embedded, on one thread of their own (a few hundred milliseconds for a
 * few dozen cards), so that they take part in the semantic path; until then they match by words.
 * Their remembered wordings ({@link Remembered}) take part the same way, as cards of the server's
 * bank that only those wordings bring.
 */
public final class OwnCards {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OwnCards.class.getName());
  /** Published when a user's banks changed; body: the user id. */
  public static final String CHANGED = "cuecard.ownbanks.changed";
  /** Users' cards kept at most; past it they are all dropped and rebuilt as needed (milliseconds each). */
  static final int KEPT = 2_000;
  /**
   * Phrasings embedded for all users together at most (1.5 KiB each: about 150 MiB); past it every
   * user's cards are dropped and rebuilt as needed, as past {@link #KEPT}.
   */
  static final int EMBEDDED_MAX = 100_000;

  /** One user's cards: the matcher at once, the index by meaning when it has been built. */
  private static final class Built {
    final Matcher lexical;
    volatile SemanticIndex semantic;
    final AtomicBoolean embedding = new AtomicBoolean();

    Built(Matcher lexical) {
      this.lexical = lexical;
    }
  }

  private final Vertx vertx;
  private final UserBanks store;
  private final RememberedWordings wordings;
  private final LiveBank shared;
  private final Metrics metrics;
  /** One thread: users' cards are embedded one user at a time, never on every core at once. */
  private final WorkerExecutor embedder;
  private final Map<String, Future<Built>> built = new ConcurrentHashMap<>();
  /** This instance, so that it skips its own change messages (it rebuilt already). */
  private final String self = java.util.UUID.randomUUID().toString();
  private final io.vertx.core.eventbus.MessageConsumer<String> changes;

  public OwnCards(Vertx vertx, UserBanks store, RememberedWordings wordings, LiveBank shared, Metrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.store = store;
    this.wordings = wordings;
    this.shared = shared;
    this.embedder = vertx.createSharedWorkerExecutor("cuecard-own-embeddings", 1);
    changes = vertx.eventBus().<String>consumer(CHANGED, m -> {
      if (!self.equals(m.headers().get("from")) && built.remove(m.body()) != null) {
        matcher(m.body()); // it was in use here: rebuild now rather than on the next snippet
      }
    });
  }

  /** Stops listening for changes and forgets every matcher (the server is stopping). */
  public Future<Void> close() {
    built.clear();
    return changes.unregister().andThen(r -> embedder.close());
  }

  /** The user's matcher (null: no cards of their own), built if it is not yet. */
  public Future<Matcher> matcher(String userId) {
    return entry(userId).map(b -> b == null ? null : b.lexical);
  }

  private Future<Built> entry(String userId) {
    if (built.size() > KEPT) {
      built.clear(); // a bound on memory for a server with many users; the active ones rebuild at once
    }
    return built.computeIfAbsent(userId, id -> {
      Future<Built> f = store.list(id).compose(banks -> wordings.list(id).compose(remembered ->
          banks.isEmpty() && remembered.isEmpty() ? Future.succeededFuture(null) : vertx.executeBlocking(() -> {
            Bank own = OwnBanks.combine(banks.stream().map(UserBanks.Stored::body).toList(), shared.bank());
            Bank bank = Remembered.with(own, remembered, shared.bank());
            return bank.size() == 0 ? null : new Built(new Matcher(bank, shared.get().threshold()));
          }, false)));
      f.onFailure(e -> built.remove(id)); // the store failed: try again next time
      return f;
    });
  }

  /**
   * The user's cards if they are built already, else null (and they are being built for the next
   * snippet); by words only until their index by meaning is built (started here, once the
   * server's own index is ready).
   */
  public OwnCues now(String userId) {
    Future<Built> f = entry(userId);
    Built b = f.succeeded() ? f.result() : null;
    if (b == null) {
      return null;
    }
    Optional<SemanticIndex> server = shared.semantic();
    if (b.semantic == null && server.isPresent() && b.embedding.compareAndSet(false, true)) {
      embedder.executeBlocking(() -> {
        long t0 = System.nanoTime();
        SemanticIndex index = SemanticIndex.besides(b.lexical, server.get());
        metrics.ownCardsEmbeddedNanos(System.nanoTime() - t0);
        if (embedded() + index.phrasings() > EMBEDDED_MAX) {
          built.clear(); // a bound on memory; the active users rebuild at once
        }
        return index;
      }, false)
          .onSuccess(index -> b.semantic = index)
          .onFailure(e -> b.embedding.set(false));
    }
    return new OwnCues(b.lexical, b.semantic);
  }

  /** Phrasings embedded for the users' cards kept now. */
  private long embedded() {
    long n = 0;
    for (Future<Built> f : built.values()) {
      SemanticIndex index = f.succeeded() && f.result() != null ? f.result().semantic : null;
      n += index == null ? 0 : index.phrasings();
    }
    return n;
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

  /**
   * The words {@link #remember} would keep for this question as heard (trimmed, single-spaced), or
   * null: fewer than {@link #MIN_WORDS} words, or more than {@link RememberedWordings#MAX_CHARS} characters.
   */
  public static String wording(String heard) {
    return Remembered.wording(heard);
  }

  /** The fewest words a remembered wording has. */
  public static final int MIN_WORDS = Remembered.MIN_WORDS;

  /**
   * Remembers that the user, shown another card for these words, picked this one of the server's
   * bank: stored, and their cards rebuilt on every node, so their next question worded like it
   * brings it. A wording too short to ask anything, or too long to be one question, is not kept.
   */
  public Future<Void> remember(String userId, String heard, String cardId) {
    String wording = Remembered.wording(heard);
    if (userId == null || wording == null || shared.bank().get(cardId) == null) {
      return Future.succeededFuture();
    }
    return wordings.remember(userId, wording, cardId, System.currentTimeMillis()).compose(v -> changed(userId))
        .onFailure(e -> LOG.warning("could not remember a corrected wording: " + e.getMessage()));
  }

  /** A card of the user's own, if their matcher is built and has it. */
  public dev.cuecard.bank.Card card(String userId, String cardId) {
    Future<Built> f = userId == null ? null : entry(userId);
    Built b = f != null && f.succeeded() ? f.result() : null;
    return b == null ? null : b.lexical.bank().get(cardId);
  }
}

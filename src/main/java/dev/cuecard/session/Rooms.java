package dev.cuecard.session;

import dev.cuecard.match.LiveBank;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.store.Coaching;
import dev.cuecard.store.DrillHistory;
import dev.cuecard.store.MyAnswers;
import dev.cuecard.store.Stories;
import dev.cuecard.store.Transcripts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import dev.cuecard.store.Records;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts rooms on demand. A room is created on the event loop of the first socket that joins its
 * session, on the node that wins the session's ownership lock, after restoring what the store
 * holds (the highest stored seq of each participant, settings, the current card and the answer in
 * progress), and goes away a grace period after its last socket leaves (so a quick reconnect
 * keeps the current card).
 */
public final class Rooms {
  /** How long a node waits for a session's ownership lock before taking it that another node owns the room. */
  static final long CLAIM_MS = 1000;
  private static final String LOCK_PREFIX = "cuecard.room.";
  private final Vertx vertx;
  private final Room.Deps deps;
  private final Map<String, Future<Void>> live = new ConcurrentHashMap<>();
  private final Map<String, Lock> locks = new ConcurrentHashMap<>();

  public Rooms(Vertx vertx, LiveBank bank, Transcripts transcripts, Coaching coaching, Stories stories,
               MyAnswers myAnswers, OwnCards ownCards, DrillHistory drills, Metrics metrics, long graceMillis, long answerBudgetMillis, long speculateMillis) {
    this.vertx = vertx;
    // embeddings are CPU-bound (one core each, a few ms): at most half the cores run them, so the
    // event loops always keep CPU for the lexical path and the sockets
    int semanticThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    WorkerExecutor semanticWorkers = vertx.createSharedWorkerExecutor("cuecard-semantic", semanticThreads);
    this.deps = new Room.Deps(vertx, bank, semanticWorkers, new Speculation(speculateMillis, semanticThreads),
        transcripts, coaching, stories, myAnswers, ownCards, drills, metrics, graceMillis, answerBudgetMillis);
  }

  /**
   * Starts the session's room on this node, unless it runs here already or another node owns it
   * (call from an event-loop context). Ownership is a cluster-wide lock ({@code SharedData}: a
   * Hazelcast map lock in cluster mode), held for the room's life and released after its consumer
   * is gone; Hazelcast drops the locks of a member that dies, so another node can take over. When
   * the lock is not had within {@link #CLAIM_MS}, another node owns the room and this fails: the
   * caller sends to the room's address, which reaches that node.
   */
  public Future<Void> open(String sessionId) {
    return live.computeIfAbsent(sessionId, id -> {
      Future<Void> started = vertx.sharedData().getLockWithTimeout(LOCK_PREFIX + id, CLAIM_MS)
          .compose(lock -> {
            locks.put(id, lock);
            return restore(id)
                .compose(state -> new Room(id, deps, state, () -> release(id)).start())
                .onFailure(e -> release(id));
          });
      started.onFailure(e -> live.remove(id));
      return started;
    });
  }

  /**
   * What a room starts from: everything it needs is in the store, so any node can restore it. Of
   * the transcript only what follows the last cue is read, not the whole session; of the answers,
   * which of the owner's stories were told already.
   */
  private Future<Room.Restored> restore(String sessionId) {
    Future<Map<String, Long>> seqs = deps.transcripts().lastSeqs(sessionId);
    Future<JsonObject> settings = deps.coaching().settings(sessionId);
    Future<Optional<Records.Cue>> lastCue = deps.transcripts().lastCue(sessionId);
    Future<java.util.Set<String>> told = deps.coaching().answers(sessionId).map(Rooms::toldStories);
    return Future.all(seqs, settings, lastCue, told).compose(all -> {
      if (lastCue.result().isEmpty()) {
        return Future.succeededFuture(new Room.Restored(seqs.result(), settings.result(), null, List.of(), false,
            told.result()));
      }
      Records.Cue last = lastCue.result().get();
      Future<List<Records.Utterance>> since = deps.transcripts().utterancesSince(sessionId, last.shownAt());
      Future<Boolean> answered = deps.coaching().answered(sessionId, last.shownAt());
      return Future.all(since, answered).map(more -> new Room.Restored(seqs.result(), settings.result(), last,
          since.result(), answered.result(), told.result()));
    });
  }

  /** The stories pinned in a session's stored answers. */
  private static java.util.Set<String> toldStories(List<JsonObject> answers) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (JsonObject a : answers) {
      JsonObject own = a.getJsonObject("own");
      JsonObject story = own == null ? null : own.getJsonObject("story");
      if (story != null && story.getString("storyId") != null) {
        out.add(story.getString("storyId"));
      }
    }
    return out;
  }

  /** Tells the session's room, on whichever node runs it, that the session was deleted; its sockets are closed. */
  public void sessionDeleted(String sessionId) {
    vertx.eventBus().send(Addresses.room(sessionId), new JsonObject().put(Room.OP, "deleted"));
  }

  private void release(String sessionId) {
    live.remove(sessionId);
    Lock lock = locks.remove(sessionId);
    if (lock != null) {
      lock.release();
    }
  }

  /**
   * The server is stopping: gives up every room's ownership, so this node (restarted) or another
   * can start them again. The rooms' consumers and timers go with their verticles.
   */
  public void close() {
    List.copyOf(locks.keySet()).forEach(this::release);
  }

  public int liveRooms() {
    return live.size();
  }
}

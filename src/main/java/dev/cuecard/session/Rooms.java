package dev.cuecard.session;

import dev.cuecard.match.LiveBank;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.store.Coaching;
import dev.cuecard.store.Transcripts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts rooms on demand. A room is created on the event loop of the first socket that joins its
 * session, after loading the highest stored seq of each participant, and goes away a grace period
 * after its last socket leaves (so a quick reconnect keeps the current card).
 */
public final class Rooms {
  private final Vertx vertx;
  private final Room.Deps deps;
  private final Map<String, Future<Void>> live = new ConcurrentHashMap<>();

  public Rooms(Vertx vertx, LiveBank bank, Transcripts transcripts, Coaching coaching, Metrics metrics,
               long graceMillis, long answerBudgetMillis) {
    this.vertx = vertx;
    // embeddings are CPU-bound (one core each, a few ms): at most half the cores run them, so the
    // event loops always keep CPU for the lexical path and the sockets
    WorkerExecutor semanticWorkers = vertx.createSharedWorkerExecutor("cuecard-semantic",
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    this.deps = new Room.Deps(vertx, bank, semanticWorkers, transcripts, coaching, metrics, graceMillis,
        answerBudgetMillis);
  }

  /** Ensures the session's room is running (call from an event-loop context). */
  public Future<Void> open(String sessionId) {
    return live.computeIfAbsent(sessionId, id -> {
      Future<Void> started = Future.all(deps.transcripts().lastSeqs(id), deps.coaching().settings(id))
          .compose(both -> new Room(id, deps, both.resultAt(0), both.resultAt(1), () -> live.remove(id)).start());
      started.onFailure(e -> live.remove(id));
      return started;
    });
  }

  /** Tells a running room (if any) that its session was deleted; its sockets are closed. */
  public void sessionDeleted(String sessionId) {
    if (live.containsKey(sessionId)) {
      vertx.eventBus().send(Addresses.room(sessionId), new JsonObject().put(Room.OP, "deleted"));
    }
  }

  public int liveRooms() {
    return live.size();
  }
}

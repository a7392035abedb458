package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.coach.AnswerTracker;
import dev.cuecard.match.LiveBank;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.protocol.ErrorCode;
import dev.cuecard.protocol.Messages;
import dev.cuecard.protocol.Snippet;
import dev.cuecard.protocol.Speaker;
import dev.cuecard.store.Coaching;
import dev.cuecard.store.LimitReachedException;
import dev.cuecard.store.Records;
import dev.cuecard.store.DrillHistory;
import dev.cuecard.store.MyAnswers;
import dev.cuecard.store.Stories;
import dev.cuecard.store.Transcripts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live state of one practice session: who is connected, the highest seq processed per
 * participant, and the current cue card. It runs on one event-loop context and is reached only
 * through its event-bus address, so its state needs no locks. Snippets flow in; cues and interim
 * echoes are published to the session address at once; final snippets are stored, then echoed and
 * acked, and only the store's answer makes an ack ({@link RoomWrites}).
 */
final class Room {
  static final String OP = "op";
  /** How far above a participant's last seq a new one may jump (docs/protocol.md, "Sequence numbers"). */
  static final long SEQ_WINDOW = 1_000_000;

  private final String sessionId;
  private final Vertx vertx;
  private final EventBus bus;
  private final RoomWrites writes;
  private final Coaching coaching;
  private final RoomCoach coach;
  private final RoomCues cues;
  private final RoomOwn own;
  private final OwnCards ownCards;
  private final CrossTalk crossTalk = new CrossTalk();
  private final Metrics metrics;
  /**
   * Per participant, the highest seq whose snippet was processed live (echoed, matched, coached).
   * It only decides what is live and what is a late re-send; acks come from the store alone.
   */
  private final Map<String, Long> processed;
  private final Map<String, String> liveConnection = new HashMap<>();
  private final long graceMillis;
  private final Runnable onDispose;
  private MessageConsumer<JsonObject> consumer;
  /** What the store held when the room was opened; taken up by {@link #start}. */
  private Restored restored;
  private long disposeTimer = -1;
  private boolean disposed;

  /** What every room shares. */
  record Deps(Vertx vertx, LiveBank bank, WorkerExecutor semanticWorkers, Speculation speculation,
              Transcripts transcripts, Coaching coaching, Stories stories, MyAnswers myAnswers, OwnCards ownCards,
              DrillHistory drills, Metrics metrics, long graceMillis,
              long answerBudgetMillis) {
  }

  /**
   * A room's state as read back from the store: seqs, settings, the last cue shown (or null), the
   * utterances since it, whether the answer to it was already stored, and the owner's stories told
   * in the session so far.
   */
  record Restored(Map<String, Long> lastSeq, JsonObject settings, Records.Cue lastCue,
                  List<Records.Utterance> sinceLastCue, boolean answered, java.util.Set<String> told) {
  }

  Room(String sessionId, Deps d, Restored state, Runnable onDispose) {
    this.sessionId = sessionId;
    this.vertx = d.vertx();
    this.bus = vertx.eventBus();
    this.writes = new RoomWrites(sessionId, d.transcripts(), this::publish);
    this.coaching = d.coaching();
    this.metrics = d.metrics();
    this.processed = new HashMap<>(state.lastSeq());
    this.graceMillis = d.graceMillis();
    this.onDispose = onDispose;
    this.coach = new RoomCoach(sessionId, vertx, coaching, d.answerBudgetMillis(), state.settings(), this::publish);
    this.ownCards = d.ownCards();
    this.own = new RoomOwn(sessionId, d.stories(), d.myAnswers(), d.drills(),
        m -> bus.publish(Addresses.owner(sessionId), m.encode()));
    this.cues = new RoomCues(sessionId, d, coach, own, this::publish);
    coach.ownFrom(own::answerSoFar);
    own.toldBefore(state.told());
    this.restored = state;
  }

  /**
   * Takes up the restored state and starts listening on the room address, cluster-wide (call from
   * the context that should own the room).
   */
  Future<Void> start() {
    resume(restored);
    restored = null;
    consumer = bus.consumer(Addresses.room(sessionId), this::handle);
    return consumer.completion();
  }

  /**
   * The card that was up when the room last ran (on this node or one that died) is up again, and
   * an answer to it that was never stored is followed on from its stored utterances.
   */
  private void resume(Restored state) {
    Card card = cues.resume(state.lastCue());
    if (card == null || state.answered()) {
      return;
    }
    coach.cardShown(card, state.lastCue().shownAt());
    for (Records.Utterance u : state.sinceLastCue()) {
      if (u.echoOf() != null) {
        continue; // the other speaker's words heard again: never coached
      }
      if (Speaker.CANDIDATE.wire().equals(u.speaker())) {
        coach.candidateSaid(u.text(), true, u.receivedAt());
        cues.candidateSaid(u.text(), true);
      } else {
        coach.interviewerSaid(u.text(), true, u.receivedAt());
      }
    }
  }

  private void handle(Message<JsonObject> msg) {
    JsonObject body = msg.body();
    switch (body.getString(OP, "")) {
      case "join" -> join(msg, body);
      case "leave" -> leave(body);
      case "snippet" -> snippet(msg, body);
      case "ask" -> ask(msg, body);
      case "drill" -> drill(msg, body);
      case "rate" -> rate(msg, body);
      case "note" -> note(msg, body);
      case "settings" -> settings(msg, body);
      case "mine" -> {
        own.reloadMine();
        msg.reply(null);
      }
      case "pin" -> own.pin(body.getString("storyId"))
          .onSuccess(v -> msg.reply(null))
          .onFailure(e -> msg.reply(Messages.error(ErrorCode.INVALID_MESSAGE, e.getMessage())));
      case "deleted" -> deleted();
      // answered in order after everything this connection sent before it
      case "ping" -> msg.reply(Messages.pong(body.getValue("id")));
      default -> msg.fail(400, "unknown room op");
    }
  }

  private void join(Message<JsonObject> msg, JsonObject body) {
    String participant = body.getString("participantId");
    String conn = body.getString("connectionId");
    String previous = liveConnection.put(participant, conn);
    if (previous != null && !previous.equals(conn)) {
      bus.send(Addresses.connection(previous), "replaced");
    }
    cancelDispose();
    String owner = body.getString("ownerUserId");
    if (owner != null && own.ownerId() == null) {
      // the owner's own cards are matched from their first question: answer the join once built
      // (the build may have been started from another context: come back to the room's own)
      io.vertx.core.Context room = vertx.getOrCreateContext();
      ownCards.matcher(owner).onComplete(built -> room.runOnContext(v -> joined(msg, body, owner)));
      return;
    }
    joined(msg, body, owner);
  }

  private void joined(Message<JsonObject> msg, JsonObject body, String owner) {
    if (owner != null) {
      own.owner(owner);
      Card up = cues.currentCard();
      if (up != null && own.suggestions() == null && own.mineNow() == null) {
        own.cardShown(up); // the card came up before the owner was here (or the room was restored)
      }
    }
    msg.reply(new JsonObject()
        .put("stories", owner == null ? null : own.suggestions())
        .put("story", owner == null ? null : own.pinnedNow())
        .put("mine", owner == null ? null : own.mineNow())
        .put("lastSeq", processed.getOrDefault(body.getString("participantId"), 0L))
        .put("cue", cues.current())
        .put("coverage", coach.current() == null ? null : coach.current().coverage())
        .put("stage", coach.current() == null ? null : coach.current().stage()));
  }

  private void leave(JsonObject body) {
    String participant = body.getString("participantId");
    liveConnection.remove(participant, body.getString("connectionId"));
    if (liveConnection.isEmpty() && !disposed) {
      disposeTimer = vertx.setTimer(Math.max(1, graceMillis), id -> {
        disposeTimer = -1;
        if (liveConnection.isEmpty()) {
          dispose();
        }
      });
    }
  }

  private void snippet(Message<JsonObject> msg, JsonObject body) {
    String participant = body.getString("participantId");
    String role = body.getString("role");
    Snippet s = Snippet.fromJson(body.getJsonObject("snippet"));
    long now = System.currentTimeMillis();
    if (!inWindow(msg, participant, s.seq())) {
      return;
    }
    if (s.seq() <= processed.getOrDefault(participant, 0L)) {
      // a re-send after a reconnect or a failed write, or a late arrival: stored (or found stored), never
      // matched or coached twice; a stale interim is dropped
      if (s.isFinal()) {
        writes.storeFinal(msg, participant, role, s.speaker(), s.text(), s.seq(), s.ts(), now, null);
      } else {
        msg.reply(null);
      }
      return;
    }
    metrics.snippet(s.isFinal());
    Speaker echoOf = crossTalk.heard(s.speaker(), s.text(), s.isFinal(), now);
    if (s.isFinal()) {
      processed.put(participant, s.seq());
    } else {
      publish(writes.transcript(participant, role, s.speaker(), s.text(), false, s.seq(), s.ts(), now, echoOf));
    }
    if (echoOf == null) { // the other speaker's words heard again are neither matched nor coached
      if (s.speaker() == Speaker.INTERVIEWER) {
        coach.interviewerSaid(s.text(), s.isFinal(), now);
        cues.interviewerSaid(s.text(), s.isFinal(), s.typed(), now);
      } else {
        coach.candidateSaid(s.text(), s.isFinal(), now);
        cues.candidateSaid(s.text(), s.isFinal());
        if (s.isFinal()) {
          own.candidateSaid(s.text(), now);
        }
      }
    }
    if (s.isFinal()) {
      writes.storeFinal(msg, participant, role, s.speaker(), s.text(), s.seq(), s.ts(), now, echoOf);
    } else {
      msg.reply(null);
    }
  }

  /** Refuses a seq so far above the participant's last one that everything after it would look stale. */
  private boolean inWindow(Message<JsonObject> msg, String participant, long seq) {
    long last = processed.getOrDefault(participant, 0L);
    if (seq - last <= SEQ_WINDOW) {
      return true;
    }
    msg.reply(Messages.error(ErrorCode.INVALID_MESSAGE, "seq " + seq + " is too far ahead: the last seq this"
        + " participant sent was " + last + ", so the next may be at most " + (last + SEQ_WINDOW)
        + " (number snippets one after another)").put("seq", seq));
    return false;
  }

  /** Asks the session owner's next drill card ({@link RoomOwn#nextDrill}) exactly as an {@code ask} of it. */
  private void drill(Message<JsonObject> msg, JsonObject body) {
    io.vertx.core.Context room = vertx.getOrCreateContext();
    own.nextDrill(cues.currentCard(), cues::card).onComplete(r -> room.runOnContext(v -> {
      if (r.failed()) {
        msg.reply(Messages.error(ErrorCode.INVALID_MESSAGE, r.cause().getMessage()).put("seq", body.getLong("seq")));
      } else {
        ask(msg, body.copy().put("cardId", r.result().id()));
      }
    }));
  }

  /** A partner (or a candidate practising alone) asks a card from the bank. */
  private void ask(Message<JsonObject> msg, JsonObject body) {
    String participant = body.getString("participantId");
    long seq = body.getLong("seq");
    Card card = cues.card(body.getString("cardId"));
    if (card == null) {
      msg.reply(Messages.error(ErrorCode.INVALID_MESSAGE, "no card with id '" + body.getString("cardId") + "'")
          .put("seq", seq));
      return;
    }
    if (!inWindow(msg, participant, seq)) {
      return;
    }
    long now = System.currentTimeMillis();
    if (seq > processed.getOrDefault(participant, 0L)) {
      processed.put(participant, seq);
      coach.interviewerSaid(card.question(), true, now);
      cues.ask(card, now);
    }
    writes.storeFinal(msg, participant, body.getString("role"), Speaker.INTERVIEWER, card.question(), seq, now, now,
        null);
  }

  private void rate(Message<JsonObject> msg, JsonObject body) {
    AnswerTracker t = coach.current();
    if (t == null) {
      msg.reply(Messages.error(ErrorCode.INVALID_MESSAGE, "there is no current answer to rate"));
      return;
    }
    long now = System.currentTimeMillis();
    Coaching.Rating r = new Coaching.Rating(body.getString("participantId"), t.card().id(), cues.shownAt(),
        body.getInteger("score"), body.getString("note"), now);
    storeThenPublish(msg, coaching.addRating(sessionId, r), r.toJson().put("type", "rating"),
        "could not store the rating; send it again");
  }

  private void note(Message<JsonObject> msg, JsonObject body) {
    Coaching.Note n = new Coaching.Note(body.getString("participantId"), body.getString("text"),
        System.currentTimeMillis());
    storeThenPublish(msg, coaching.addNote(sessionId, n), n.toJson().put("type", "note"),
        "could not store the note; send it again");
  }

  private void settings(Message<JsonObject> msg, JsonObject body) {
    JsonObject saved = coach.settings(body.getJsonObject("nudges"));
    storeThenPublish(msg, coaching.saveSettings(sessionId, saved), saved.copy().put("type", "settings"),
        "could not save the settings; try again");
  }

  /** Once {@code stored} succeeds, publishes {@code event} to the session and replies; else replies store_failed. */
  private void storeThenPublish(Message<JsonObject> msg, Future<Void> stored, JsonObject event, String failure) {
    stored
        .onSuccess(v -> {
          publish(event.put("sessionId", sessionId));
          msg.reply(null);
        })
        .onFailure(e -> msg.reply(e instanceof LimitReachedException
            ? Messages.error(ErrorCode.LIMIT_REACHED, e.getMessage())
            : Messages.error(ErrorCode.STORE_FAILED, failure)));
  }

  private void deleted() {
    coach.discard();
    JsonObject err = Messages.error(ErrorCode.SESSION_DELETED, "this session was deleted");
    bus.publish(Addresses.session(sessionId), err.encode(),
        new DeliveryOptions().addHeader(Addresses.CLOSE_HEADER, "4404:session deleted"));
    dispose();
  }

  private void publish(JsonObject message) {
    bus.publish(Addresses.session(sessionId), message.encode());
  }

  private void cancelDispose() {
    if (disposeTimer >= 0) {
      vertx.cancelTimer(disposeTimer);
      disposeTimer = -1;
    }
  }

  private void dispose() {
    if (disposed) {
      return;
    }
    disposed = true;
    cues.close();
    cancelDispose();
    coach.finish(System.currentTimeMillis());
    // stop taking messages before a new room for this session may start on the same address
    consumer.unregister().onComplete(v -> onDispose.run());
  }
}

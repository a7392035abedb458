package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.coach.AnswerRecord;
import dev.cuecard.coach.AnswerTracker;
import dev.cuecard.coach.Nudge;
import dev.cuecard.coach.NudgeKind;
import dev.cuecard.store.Coaching;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The coaching half of a room: follows the candidate's answer to the current card (coverage,
 * structure stage, nudges), closes the answer when the interviewer speaks again or a new card
 * comes, and stores it. Runs on the room's event loop; publishes through the room.
 */
final class RoomCoach {
  /** Interviewer finals shorter than this ("mm hmm", "okay") do not end an answer. */
  static final int ENDS_ANSWER_MIN_WORDS = 4;

  private final String sessionId;
  private final Vertx vertx;
  private final Coaching store;
  private final long budgetMs;
  private final Consumer<JsonObject> publish;
  /** What the owner's own material adds to a finished answer (stored for their review, never published), or null. */
  private java.util.function.Supplier<JsonObject> own = () -> null;
  private final Set<NudgeKind> disabled = EnumSet.noneOf(NudgeKind.class);
  private AnswerTracker tracker;
  private long ticker = -1;

  RoomCoach(String sessionId, Vertx vertx, Coaching store, long budgetMs, JsonObject settings,
            Consumer<JsonObject> publish) {
    this.sessionId = sessionId;
    this.vertx = vertx;
    this.store = store;
    this.budgetMs = budgetMs;
    this.publish = publish;
    applySettings(settings);
  }

  /** Nudge switches as saved for the session: {"nudges": {"overtime": false, ...}}. */
  private void applySettings(JsonObject settings) {
    JsonObject n = settings.getJsonObject("nudges", new JsonObject());
    for (String k : n.fieldNames()) {
      NudgeKind kind = NudgeKind.parse(k);
      if (kind != null) {
        if (Boolean.FALSE.equals(n.getBoolean(k))) {
          disabled.add(kind);
        } else {
          disabled.remove(kind);
        }
      }
    }
  }

  /** Switches nudge kinds on or off; returns the full settings object to save. */
  JsonObject settings(JsonObject nudges) {
    applySettings(new JsonObject().put("nudges", nudges));
    JsonObject all = new JsonObject();
    for (NudgeKind k : NudgeKind.values()) {
      all.put(k.wire(), !disabled.contains(k));
    }
    return new JsonObject().put("nudges", all);
  }

  /** The current answer's (card id, shown at), for attaching a rating; null when no card is up. */
  AnswerTracker current() {
    return tracker;
  }

  /** A new card is up (call after the cue is published): a new answer begins. */
  void cardShown(Card card, long now) {
    finish(now);
    Set<NudgeKind> enabled = EnumSet.allOf(NudgeKind.class);
    enabled.removeAll(disabled);
    tracker = new AnswerTracker(card, now, budgetMs, enabled);
    nudges(tracker.onShown());
    ticker = vertx.setPeriodic(1000, id -> {
      if (tracker != null) {
        nudges(tracker.tick(System.currentTimeMillis()));
      }
    });
  }

  void candidateSaid(String text, boolean isFinal, long now) {
    if (tracker == null) {
      return;
    }
    AnswerTracker.Update u = tracker.onCandidate(text, isFinal, now);
    if (u.coverageChanged()) {
      publish.accept(tracker.coverage().put("type", "coverage").put("sessionId", sessionId));
    }
    if (u.stageChanged()) {
      publish.accept(tracker.stage().put("type", "stage").put("sessionId", sessionId));
    }
    nudges(u.nudges());
  }

  /** The interviewer spoke: a real utterance ends the answer in progress. */
  void interviewerSaid(String text, boolean isFinal, long now) {
    if (isFinal && tracker != null && tracker.started() && words(text) >= ENDS_ANSWER_MIN_WORDS) {
      finish(now);
    }
  }

  private void nudges(List<Nudge> list) {
    for (Nudge n : list) {
      publish.accept(n.toJson().put("type", "nudge").put("sessionId", sessionId)
          .put("cardId", tracker == null ? null : tracker.card().id()));
    }
  }

  /** Ends the answer in progress (if the candidate said anything), stores and announces it. */
  void finish(long now) {
    if (ticker >= 0) {
      vertx.cancelTimer(ticker);
      ticker = -1;
    }
    AnswerTracker t = tracker;
    tracker = null;
    if (t == null || !t.started()) {
      return;
    }
    AnswerRecord a = t.finish(now);
    publish.accept(a.toJson().put("type", "answer").put("sessionId", sessionId));
    store.addAnswer(sessionId, a, own.get());
  }

  /** Where a finished answer's own-material figures come from (the room's {@code RoomOwn}). */
  void ownFrom(java.util.function.Supplier<JsonObject> source) {
    own = source;
  }

  /** Drops the answer in progress without storing it (the session is gone). */
  void discard() {
    if (ticker >= 0) {
      vertx.cancelTimer(ticker);
      ticker = -1;
    }
    tracker = null;
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }
}

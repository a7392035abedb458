package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.match.LiveBank;
import dev.cuecard.match.Match;
import dev.cuecard.match.QuestionDetector;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.store.Records;
import dev.cuecard.store.Transcripts;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The matching half of a room: finds the card for what the interviewer says (lexical on every
 * snippet, semantic off the event loop for a final question nothing matched), makes it the current
 * cue, publishes and stores it, and hands it to the coach. Runs on the room's event loop.
 */
final class RoomCues {
  private final String sessionId;
  private final LiveBank bank;
  private final WorkerExecutor semanticWorkers;
  private final Transcripts transcripts;
  private final Metrics metrics;
  private final RoomCoach coach;
  private final Consumer<JsonObject> publish;
  private JsonObject currentCue;
  private String currentCardId;
  /** Bumped by every interviewer final and every cue, so a late semantic answer never overrides newer talk. */
  private long questionVersion;
  private boolean closed;

  RoomCues(String sessionId, Room.Deps d, RoomCoach coach, Consumer<JsonObject> publish) {
    this.sessionId = sessionId;
    this.bank = d.bank();
    this.semanticWorkers = d.semanticWorkers();
    this.transcripts = d.transcripts();
    this.metrics = d.metrics();
    this.coach = coach;
    this.publish = publish;
  }

  /** The card up when the room last ran, shown again (or null when its card left the bank). */
  Card resume(Records.Cue cue) {
    Card card = cue == null ? null : bank.get().bank().get(cue.cardId());
    if (card != null) {
      currentCardId = card.id();
      currentCue = cueMessage(card, cue.heard(), cue.score(), true, cue.source(), cue.shownAt());
    }
    return card;
  }

  /** The current cue message (for a participant joining), or null. */
  JsonObject current() {
    return currentCue;
  }

  long shownAt() {
    return currentCue == null ? 0 : currentCue.getLong("at");
  }

  Card card(String id) {
    return bank.get().bank().get(id);
  }

  /** Matches what the interviewer said; a final question nothing matched at once goes to the semantic path. */
  void interviewerSaid(String text, boolean isFinal, long now) {
    long t0 = System.nanoTime();
    Optional<Match> found = bank.get().match(text, isFinal);
    metrics.matchLatencyNanos(System.nanoTime() - t0);
    if (found.isPresent()) {
      show(found.get(), text, isFinal, "match", now);
      return;
    }
    if (!isFinal) {
      return;
    }
    long version = ++questionVersion;
    bank.semantic().filter(x -> QuestionDetector.isQuestion(text)).ifPresent(semantic ->
        semanticWorkers.executeBlocking(() -> {
          long t1 = System.nanoTime();
          Optional<Match> m = semantic.match(text);
          metrics.semanticLatencyNanos(System.nanoTime() - t1);
          return m;
        }, false).onSuccess(m -> {
          if (m.isPresent() && version == questionVersion && !closed) {
            show(m.get(), text, true, "semantic", System.currentTimeMillis());
          }
        }));
  }

  /** A card asked from the bank: shown even when it is the current one (asking again starts a fresh answer). */
  void ask(Card card, long now) {
    questionVersion++;
    currentCardId = null;
    show(new Match(card, 1.0, 1.0), card.question(), true, "ask", now);
  }

  void close() {
    closed = true;
  }

  /** Makes a matched card the current one and pushes it, unless it already is. */
  private void show(Match m, String heard, boolean isFinal, String source, long now) {
    if (m.card().id().equals(currentCardId)) {
      return;
    }
    coach.finish(now); // the previous answer is announced before the new card
    questionVersion++;
    currentCardId = m.card().id();
    currentCue = cueMessage(m.card(), heard, m.score(), isFinal, source, now);
    metrics.cue();
    publish.accept(currentCue);
    coach.cardShown(m.card(), now);
    transcripts.addCue(new Records.Cue(sessionId, m.card().id(), m.card().question(), heard, m.score(), source, now));
  }

  private JsonObject cueMessage(Card card, String heard, double score, boolean isFinal, String source, long at) {
    return new JsonObject()
        .put("type", "cue")
        .put("sessionId", sessionId)
        .put("card", card.toJson())
        .put("heard", heard)
        .put("score", Math.round(score * 1000) / 1000.0)
        .put("final", isFinal)
        .put("source", source)
        .put("at", at);
  }
}

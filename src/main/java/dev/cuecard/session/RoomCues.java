package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.match.LiveBank;
import dev.cuecard.match.Fallback;
import dev.cuecard.match.Match;
import dev.cuecard.match.Matcher;
import dev.cuecard.match.QuestionDetector;
import dev.cuecard.match.SemanticIndex;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.store.Records;
import dev.cuecard.store.Transcripts;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
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

  /**
   * Matches what the interviewer said. A final question nothing matched at once goes off the event
   * loop: to the semantic path when it is on, and, when that finds nothing either, to a fallback
   * cue with the nearest cards (for a question worth one: {@link Fallback#deserves}), unless the
   * card on screen is among them or the question is worded like one of its follow-ups: then the
   * question is taken to be about that card, and it stays.
   */
  void interviewerSaid(String text, boolean isFinal, long now) {
    long t0 = System.nanoTime();
    Matcher lexical = bank.get();
    Optional<Match> found = lexical.match(text, isFinal);
    metrics.matchLatencyNanos(System.nanoTime() - t0);
    if (found.isPresent()) {
      show(found.get(), text, isFinal, "match", now);
      return;
    }
    if (!isFinal) {
      return;
    }
    long version = ++questionVersion;
    Optional<SemanticIndex> semantic = bank.semantic().filter(x -> QuestionDetector.isQuestion(text));
    boolean fallback = Fallback.deserves(text);
    if (semantic.isEmpty() && !fallback) {
      return;
    }
    String onScreen = currentCardId;
    Card screenCard = onScreen == null ? null : lexical.bank().get(onScreen);
    semanticWorkers.executeBlocking(() -> {
      if (semantic.isPresent()) {
        long t1 = System.nanoTime();
        Optional<Match> m = semantic.get().match(text);
        metrics.semanticLatencyNanos(System.nanoTime() - t1);
        if (m.isPresent()) {
          return new Found(m.get(), List.of());
        }
      }
      if (!fallback) {
        return null;
      }
      List<Match> near = lexical.rank(text, Fallback.RELATED);
      // a question worded like one of the card on screen's follow-ups, or nearest to that card, is most
      // likely about it: that card stays
      boolean aboutCurrent = Fallback.followsUp(text, screenCard)
          || near.stream().anyMatch(r -> r.card().id().equals(onScreen));
      return aboutCurrent ? null : new Found(null, near);
    }, false).onSuccess(f -> {
      if (f == null || version != questionVersion || closed) {
        return; // nothing found, or newer talk came first
      }
      long at = System.currentTimeMillis();
      if (f.match() != null) {
        show(f.match(), text, true, "semantic", at);
      } else {
        currentCardId = null; // a fallback follows another fallback
        show(new Match(Fallback.card(text), 0, 0), text, true, "fallback", at, f.related());
      }
    });
  }

  /** What the off-loop path found: a semantic match, or else the cards nearest a fallback. */
  private record Found(Match match, List<Match> related) {
  }

  /** A card asked from the bank: shown even when it is the current one (asking again starts a fresh answer). */
  void ask(Card card, long now) {
    questionVersion++;
    currentCardId = null;
    show(new Match(card, 1.0, 1.0), card.question(), true, "ask", now);
  }

  private void show(Match m, String heard, boolean isFinal, String source, long now) {
    show(m, heard, isFinal, source, now, null);
  }

  void close() {
    closed = true;
  }

  /**
   * Makes a matched card the current one and pushes it, unless it already is; a fallback
   * ({@code related} not null) carries its nearest cards and says it is one.
   */
  private void show(Match m, String heard, boolean isFinal, String source, long now, List<Match> related) {
    if (m.card().id().equals(currentCardId)) {
      return;
    }
    coach.finish(now); // the previous answer is announced before the new card
    questionVersion++;
    currentCardId = m.card().id();
    currentCue = cueMessage(m.card(), heard, m.score(), isFinal, source, now);
    if (related != null) {
      JsonArray near = new JsonArray();
      related.forEach(r -> near.add(new JsonObject().put("id", r.card().id()).put("question", r.card().question())
          .put("category", r.card().category()).put("score", Math.round(r.score() * 1000) / 1000.0)));
      currentCue.put("fallback", true).put("related", near);
    }
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

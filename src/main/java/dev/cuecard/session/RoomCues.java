package dev.cuecard.session;

import dev.cuecard.bank.Card;
import dev.cuecard.match.AnswerWords;
import dev.cuecard.match.Cues;
import dev.cuecard.match.Fallback;
import dev.cuecard.match.FollowUps;
import dev.cuecard.match.LiveBank;
import dev.cuecard.match.Match;
import dev.cuecard.match.OwnCues;
import dev.cuecard.match.Typos;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.store.Records;
import dev.cuecard.store.Transcripts;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The matching half of a room: finds the card for what the interviewer says (lexical on every
 * snippet; semantic off the event loop for a final question nothing matched, and speculatively for
 * an interim one the speaker paused after), makes it the current cue, publishes and stores it, and
 * hands it to the coach. Runs on the room's event loop.
 */
final class RoomCues {
  private final String sessionId;
  private final Vertx vertx;
  private final LiveBank bank;
  private final OwnCards ownCards;
  private final WorkerExecutor semanticWorkers;
  private final Speculation speculation;
  /** The timer that embeds the latest interim snippet if no newer one comes first, or -1. */
  private long pauseTimer = -1;
  private final Transcripts transcripts;
  private final Metrics metrics;
  private final RoomCoach coach;
  private final RoomOwn own;
  private final Consumer<JsonObject> publish;
  private JsonObject currentCue;
  private String currentCardId;
  /** The fallback on screen (the question as heard, its structure), so follow-ups can resolve against it; or null. */
  private Card fallbackOnScreen;
  /** Bumped by every interviewer final and every cue, so a late semantic answer never overrides newer talk. */
  private long questionVersion;
  private boolean closed;
  /** The leading card over the current question's interim snippets. */
  private final Cues.Trend trend = new Cues.Trend();
  /** What the candidate has said since the card came up: the context of a topic the interviewer names. */
  private final AnswerWords answer = new AnswerWords();

  RoomCues(String sessionId, Room.Deps d, RoomCoach coach, RoomOwn own, Consumer<JsonObject> publish) {
    this.sessionId = sessionId;
    this.vertx = d.vertx();
    this.bank = d.bank();
    this.ownCards = d.ownCards();
    this.semanticWorkers = d.semanticWorkers();
    this.speculation = d.speculation();
    this.transcripts = d.transcripts();
    this.metrics = d.metrics();
    this.coach = coach;
    this.own = own;
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

  /** The card on screen, or null. */
  Card currentCard() {
    return currentCardId == null ? null : card(currentCardId);
  }

  /** A card of the server's bank, one of the session owner's own, or the fallback on screen. */
  Card card(String id) {
    if (fallbackOnScreen != null && fallbackOnScreen.id().equals(id)) {
      return fallbackOnScreen;
    }
    Card c = bank.get().bank().get(id);
    return c != null ? c : ownCards.card(own.ownerId(), id);
  }

  /**
   * Decides what the interviewer's words bring up ({@link Cues}, the same decision {@code eval}
   * measures): a card, a follow-up shown inside the card on screen, or, off the event loop, the
   * semantic check and then a fallback cue with the nearest cards. A topic named alone and typed
   * ({@code typed}) is asked as the question it was typed for, and a typed word's slip of the
   * keyboard is read as the bank's word it was meant to be ({@link Typos#asTyped}).
   */
  void interviewerSaid(String said, boolean isFinal, boolean typed, long now) {
    String text = typed ? bank.typos().asTyped(said) : said;
    long t0 = System.nanoTime();
    cancelPause(); // the speaker goes on: the pause is not over this snippet
    Cues cues = new Cues(bank.get(), bank.semantic().orElse(null));
    OwnCues yours = own.ownerId() == null ? null : ownCards.now(own.ownerId());
    Card onScreen = currentCardId == null ? null : card(currentCardId);
    Optional<Match> mine = cues.ownCard(yours, text, isFinal);
    if (mine.isPresent()) { // one of the owner's own cards, as sure as an inline card and above the server's
      if (isFinal) {
        trend.reset();
      } else {
        trend.landed(mine.get().card());
      }
      metrics.matchLatencyNanos(System.nanoTime() - t0);
      show(mine.get(), text, isFinal, "yours", now);
      return;
    }
    // the final snippet of a question whose card landed early completes it: not a follow-up to it
    boolean completes = isFinal && trend.landedEarly(onScreen);
    Card against = completes ? null : onScreen;
    Cues.Decision d = cues.inline(text, isFinal, against, trend, answer);
    metrics.matchLatencyNanos(System.nanoTime() - t0);
    switch (d.kind()) {
      case CARD -> {
        show(d.match(), text, isFinal, d.source(), now, d.related(), false);
        if (isFinal) {
          secondLook(cues, text, d);
        }
      }
      case FOLLOW_UP -> followUp(d.followUp(), text, now);
      case LATER -> later(cues, yours, text, against, completes);
      case SPECULATE -> {
        if (speculation.on()) {
          pauseTimer = vertx.setTimer(speculation.pauseMillis(), id -> speculate(cues, yours, text, against));
        }
      }
      default -> questionVersion += isFinal ? 1 : 0;
    }
  }

  /** The candidate spoke (not an echo of the interviewer): part of the answer to the card up. */
  void candidateSaid(String text, boolean isFinal) {
    answer.said(text, isFinal);
  }

  /**
   * The interviewer paused after an interim snippet: embed it now, on a worker, and show the card
   * the calibrated rule picks before the recogniser's final arrives (skipped when the workers are
   * busy with enough speculation already). The final then completes the question rather than
   * following it up.
   */
  private void speculate(Cues cues, OwnCues yours, String text, Card onScreen) {
    pauseTimer = -1;
    if (closed) {
      return;
    }
    if (!speculation.tryStart()) {
      metrics.speculation("busy");
      return;
    }
    long version = questionVersion;
    semanticWorkers.executeBlocking(() -> cues.speculate(text, onScreen, yours), false)
        .onComplete(r -> speculation.done())
        .onSuccess(d -> {
          boolean card = d.kind() == Cues.Kind.CARD;
          metrics.speculation(card ? "card" : "none");
          if (card && version == questionVersion && !closed) { // else the final or another card came first
            trend.landed(d.match().card());
            show(d.match(), text, false, d.source(), System.currentTimeMillis(), d.related(), true);
          }
        });
  }

  /**
   * The model's second look, on a worker, at a final question's card that its words were sure of
   * ({@link Cues#secondLook}): the card it is sure of instead replaces it, unless newer talk came
   * first. Optional work, like speculation: skipped when the workers are busy with enough of it.
   */
  private void secondLook(Cues cues, String text, Cues.Decision shown) {
    if (!cues.mayLookAgain(shown) || !speculation.tryStart()) {
      return;
    }
    long version = questionVersion;
    semanticWorkers.executeBlocking(() -> cues.secondLook(text, shown), false)
        .onComplete(r -> speculation.done())
        .onSuccess(d -> {
          if (d.isPresent() && version == questionVersion && !closed) {
            Cues.Decision c = d.get();
            show(c.match(), text, true, c.source(), System.currentTimeMillis(), c.related(), false);
          }
        });
  }

  private void cancelPause() {
    if (pauseTimer >= 0) {
      vertx.cancelTimer(pauseTimer);
      pauseTimer = -1;
    }
  }

  /**
   * The worker half of the decision, for a final question the inline half could not settle. When
   * the question's card already {@code landedEarly}, only another card replaces it.
   */
  private void later(Cues cues, OwnCues yours, String text, Card onScreen, boolean landedEarly) {
    long version = ++questionVersion;
    long t0 = System.nanoTime();
    Optional<Cues.Decision> now = cues.decideNow(text, onScreen, yours);
    if (now.isPresent()) { // its words were ranked at the pause: no embedding to wait for
      metrics.semanticLatencyNanos(System.nanoTime() - t0);
      metrics.speculation("final");
      settle(now.get(), text, landedEarly);
      return;
    }
    speculation.finalStarted();
    semanticWorkers.executeBlocking(() -> {
      long t1 = System.nanoTime();
      Cues.Decision d = cues.offLoop(text, onScreen, yours);
      if (cues.semantic()) {
        metrics.semanticLatencyNanos(System.nanoTime() - t1);
      }
      return d;
    }, false).onComplete(r -> speculation.finalDone()).onSuccess(d -> {
      if (version == questionVersion && !closed) { // else newer talk came first
        settle(d, text, landedEarly);
      }
    });
  }

  /** Shows what the second half decided for a final question; a card that landed early stays unless another card comes. */
  private void settle(Cues.Decision d, String text, boolean landedEarly) {
    if (landedEarly && d.kind() != Cues.Kind.CARD) {
      return;
    }
    long at = System.currentTimeMillis();
    switch (d.kind()) {
      case CARD -> show(d.match(), text, true, d.source(), at, d.related(), false);
      case FOLLOW_UP -> followUp(d.followUp(), text, at);
      case FALLBACK -> {
        currentCardId = null; // a fallback follows another fallback
        show(new Match(Fallback.card(text), 0, 0), text, true, "fallback", at, d.related(), false);
      }
      default -> {
      }
    }
  }

  /**
   * Shows a follow-up's pointers inside the card on screen (joiners get it with the cue), and the
   * candidate's reply is coached as a new answer on that card.
   */
  private void followUp(FollowUps.FollowUp f, String heard, long now) {
    questionVersion++;
    Card card = currentCardId == null ? null : card(currentCardId);
    if (currentCue == null || card == null) {
      return;
    }
    JsonObject follow = f.toJson().put("heard", heard).put("at", now);
    currentCue.put("followUp", follow);
    publish.accept(new JsonObject().put("type", "followup").put("sessionId", sessionId)
        .put("cardId", currentCardId).put("followUp", follow));
    coach.cardShown(card, now);
    transcripts.addCue(new Records.Cue(sessionId, currentCardId, f.listed() != null ? f.listed() : f.kind().label(),
        heard, 0, Records.Cue.FOLLOW_UP, now));
  }

  /** A card asked from the bank: shown even when it is the current one (asking again starts a fresh answer). */
  void ask(Card card, long now) {
    String from = listedNearby(card.id());
    if (from != null) { // the card shown was not the one asked: the owner's sessions remember these words for it
      metrics.correction(from);
      ownCards.remember(own.ownerId(), currentCue.getString("heard"), card.id());
    }
    questionVersion++;
    currentCardId = null;
    show(new Match(card, 1.0, 1.0), card.question(), true, "ask", now);
  }

  /** Which list of the cue on screen names this card: {@code alternatives}, {@code related}, or null. */
  private String listedNearby(String cardId) {
    for (String list : List.of("alternatives", "related")) {
      JsonArray cards = currentCue == null ? null : currentCue.getJsonArray(list);
      if (cards != null && cards.stream().anyMatch(c -> cardId.equals(((JsonObject) c).getString("id")))) {
        return list;
      }
    }
    return null;
  }

  private void show(Match m, String heard, boolean isFinal, String source, long now) {
    show(m, heard, isFinal, source, now, List.of(), false);
  }

  void close() {
    closed = true;
    cancelPause();
  }

  /**
   * Makes a matched card the current one and pushes it, unless it already is; a fallback
   * ({@link Fallback#is}) says it is one and carries its nearest cards ({@code near}, as
   * {@code related}), a card the next cards of its ranking ({@code alternatives}, when there are
   * any), and a card that landed at a pause in the interviewer's speech says so ({@code speculative}).
   */
  private void show(Match m, String heard, boolean isFinal, String source, long now, List<Match> near,
                    boolean speculative) {
    if (Remembered.is(m.card())) { // a wording the owner corrected: the server's card itself
      Card card = bank.get().bank().get(m.card().id());
      if (card == null) {
        return; // it left the bank since
      }
      m = new Match(card, m.score(), m.margin());
      source = "remembered";
    }
    near = Remembered.asBankCards(near, bank.get().bank());
    if (m.card().id().equals(currentCardId)) {
      return;
    }
    coach.finish(now); // the previous answer is announced before the new card
    answer.clear();
    questionVersion++;
    currentCardId = m.card().id();
    boolean fallback = Fallback.is(m.card());
    fallbackOnScreen = fallback ? m.card() : null;
    currentCue = cueMessage(m.card(), heard, m.score(), isFinal, source, now);
    JsonArray cards = new JsonArray();
    near.forEach(r -> cards.add(new JsonObject().put("id", r.card().id()).put("question", r.card().question())
        .put("category", r.card().category()).put("score", Math.round(r.score() * 1000) / 1000.0)));
    if (fallback) {
      currentCue.put("fallback", true).put("related", cards);
    } else if (!cards.isEmpty()) {
      currentCue.put("alternatives", cards);
    }
    if (speculative) {
      currentCue.put("speculative", true);
    }
    metrics.cue();
    publish.accept(currentCue);
    coach.cardShown(m.card(), now);
    own.cardShown(m.card());
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

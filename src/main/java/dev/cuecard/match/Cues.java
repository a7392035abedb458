package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The cue decision for one interviewer snippet, shared by the live room and {@code eval} so that
 * what is measured is what runs. It comes in two halves: {@link #inline} is cheap (term lookups
 * and a few patterns) and runs on the room's event loop; when it answers {@link Kind#LATER},
 * {@link #offLoop} (an embedding, milliseconds) runs on a worker. For an interim snippet it may
 * answer {@link Kind#SPECULATE}: if the speaker pauses, {@link #speculate} embeds the words heard so
 * far on a worker, so the card can land before the recogniser's final.
 *
 * <p>The rule was calibrated on the dev set (docs/matching.md, "Calibration"): a lexical score of
 * 0.7 or more is right 96-98% of the time and shows at once; below that, the lexical and semantic
 * rankings are compared, and a card is shown when they agree, or when one of them is clearly
 * ahead on its own; otherwise a detected question gets a fallback cue with the nearest cards
 * rather than a card that is likely wrong.
 */
public final class Cues {
  /**
   * {@code LATER}: a final snippet the worker decides ({@link #offLoop}); {@code SPECULATE}: an
   * interim snippet that did not land, worth an embedding if the speaker pauses ({@link #speculate}).
   */
  public enum Kind { NONE, CARD, FOLLOW_UP, FALLBACK, LATER, SPECULATE }

  /** The most other cards a card's decision offers besides it ({@link Decision#withAlternatives}). */
  public static final int ALTERNATIVES = 2;
  /**
   * The least score of an alternative, on the scale of the ranking it comes from: below it, the
   * next cards share a word or two with the question and are noise beside a card. Chosen on the
   * tuned sets (docs/matching.md, "Alternatives"): it keeps all but one of the right alternatives
   * of their wrong cards and leaves about half their right cards with none.
   */
  static final double ALTERNATIVE_FLOOR = 0.5;

  /**
   * What to do with a snippet: show {@code match} (source {@code match} or {@code semantic}), show
   * a follow-up inside the current card, show a fallback with {@code related} cards, nothing, or
   * (inline only) ask {@link #offLoop}. A card's {@code related} are its alternatives: the next
   * cards of the ranking it was decided on, one click away when the card is not the one asked.
   */
  public record Decision(Kind kind, Match match, String source, FollowUps.FollowUp followUp, List<Match> related) {
    static final Decision NONE = new Decision(Kind.NONE, null, null, null, List.of());
    static final Decision LATER = new Decision(Kind.LATER, null, null, null, List.of());
    static final Decision SPECULATE = new Decision(Kind.SPECULATE, null, null, null, List.of());

    static Decision card(Match m, String source) {
      return new Decision(Kind.CARD, m, source, null, List.of());
    }

    /**
     * This card decision with the cards after it in {@code ranked} (best first; the card itself
     * left out) that score {@link #ALTERNATIVE_FLOOR} or more, {@link #ALTERNATIVES} at most, of
     * either kind (a story card's technical twin is often the one asked: "how did you scale your
     * Django app"); any other decision as it is.
     */
    Decision withAlternatives(List<Match> ranked) {
      if (kind != Kind.CARD) {
        return this;
      }
      List<Match> others = ranked.stream().filter(r -> !r.card().id().equals(match.card().id()))
          .filter(r -> r.score() >= ALTERNATIVE_FLOOR).limit(ALTERNATIVES).toList();
      return new Decision(kind, match, source, followUp, others);
    }

    static Decision followUp(FollowUps.FollowUp f) {
      return new Decision(Kind.FOLLOW_UP, null, null, f, List.of());
    }
  }

  /**
   * The leading card over a question's interim snippets. One per room; not thread-safe (the room's
   * event loop owns it). Reset by every final snippet.
   */
  public static final class Trend {
    private String leader;
    private int streak;
    /** The card an interim snippet of this question already showed, or null. */
    private String landed;

    int update(Match best) {
      String id = best == null ? null : best.card().id();
      if (id != null && id.equals(leader)) {
        streak++;
      } else {
        leader = id;
        streak = id == null ? 0 : 1;
      }
      return streak;
    }

    /**
     * Whether {@code onScreen} landed early from this question's interim snippets: its final
     * snippet then completes the question rather than following it up, so it is decided with no
     * card on screen, may replace the card with another card, and otherwise leaves it up.
     */
    public boolean landedEarly(Card onScreen) {
      return landed != null && onScreen != null && landed.equals(onScreen.id());
    }

    /** Records a card that a speculative embedding of this question's interim snippet showed. */
    public void landed(Card card) {
      landed = card.id();
    }

    public void reset() {
      leader = null;
      streak = 0;
      landed = null;
    }
  }

  private final Matcher lexical;
  private final SemanticIndex semantic;

  /** {@code semantic} may be null (switched off or still being built): then the lexical threshold decides alone. */
  public Cues(Matcher lexical, SemanticIndex semantic) {
    this.lexical = lexical;
    this.semantic = semantic;
  }

  public Matcher lexical() {
    return lexical;
  }

  /** For timings: the next snippet's embedding is computed, not remembered. */
  void forgetRecentRankings() {
    if (semantic != null) {
      semantic.forgetRecent();
    }
  }

  /**
   * {@link #offLoop}'s decision when it needs no embedding, because these words were ranked at the
   * speaker's pause: term lookups only, so it may run on the event loop; else empty. Non-blocking.
   */
  public Optional<Decision> decideNow(String text, Card onScreen) {
    SemanticIndex.Ranking known = semantic == null ? null : semantic.remembered(text);
    if (known == null) {
      return Optional.empty();
    }
    boolean[] partUnranked = {false};
    Decision d = decide(text, onScreen, known, part -> {
      SemanticIndex.Ranking r = semantic.remembered(part);
      partUnranked[0] |= r == null;
      return r;
    });
    // a fallback that a part not ranked yet might turn into a card waits for a worker, as offLoop would rank it
    return d.kind() == Kind.FALLBACK && partUnranked[0] ? Optional.empty() : Optional.of(d);
  }

  /** Whether the semantic path takes part (the model is on and its card index is built). */
  public boolean semantic() {
    return semantic != null;
  }

  /**
   * One of the owner's own cards ({@code own}, or null) for a snippet, when its words alone are as
   * sure as an inline card and no card of the server's bank scores higher ({@link OwnCues#inline}).
   * On the event loop.
   */
  public Optional<Match> ownCard(OwnCues own, String text, boolean isFinal) {
    return own == null ? Optional.empty() : own.inline(lexical, text, isFinal);
  }

  /** The cheap half, on the event loop. {@code onScreen} is the card up now (or null). */
  public Decision inline(String text, boolean isFinal, Card onScreen, Trend trend) {
    return inline(text, isFinal, onScreen, trend, null);
  }

  /**
   * {@link #inline(String, boolean, Card, Trend)} with what the candidate has said since the card
   * came up ({@code answer}, or null when unknown), the context of a topic named alone ({@link TopicNamed#inline}).
   */
  public Decision inline(String text, boolean isFinal, Card onScreen, Trend trend, AnswerWords answer) {
    double certainty = QuestionDetector.certainty(text); // once per snippet: this runs on every interim one
    boolean question = certainty > 0;
    // a problem stated ("yes, teams get that wrong") is no follow-up: it may only bring a card of its own
    Optional<FollowUps.FollowUp> follow = FollowUps.resolve(text, QuestionDetector.asks(certainty), onScreen, lexical);
    if (follow.isPresent() || !question) {
      if (isFinal) {
        trend.reset();
      }
      if (isFinal && follow.isEmpty() && QuestionDetector.bareTopic(text, certainty)) {
        return TopicNamed.inline(lexical, semantic != null, text, onScreen, answer);
      }
      // a follow-up never swaps the card, not even early
      return isFinal && follow.isPresent() ? Decision.followUp(follow.get()) : Decision.NONE;
    }
    List<String> heard = lexical.heard(text); // analysed once: this runs on every interim snippet
    List<Match> top = lexical.best(heard, 1 + ALTERNATIVES, !isFinal);
    Match best = top.isEmpty() ? null : top.get(0);
    if (!isFinal) {
      Decision d = EarlyCues.interim(lexical, best, onScreen, trend).withAlternatives(top);
      return d.kind() == Kind.NONE && semantic != null && EarlyCues.worthAPause(text, heard) ? Decision.SPECULATE : d;
    }
    trend.reset();
    // without the model, small talk ("what time is it where you are") brings only a card its words are sure of
    boolean shown = semantic == null
        ? best != null && best.score() >= (Fallback.smallTalk(text) ? CueRule.LEXICAL_SURE : lexical.threshold())
        : CueRule.sureByWords(best) && !OnScreen.justSureOnTheFallback(text, onScreen, best);
    if (shown) {
      return OnScreen.onScreenOrCard(Decision.card(best, "match").withAlternatives(top), text, onScreen);
    }
    // without the model, a question for a fallback or about the cue up goes to the worker too
    boolean worthAWorker = semantic != null || Fallback.deserves(text) || OnScreen.aboutTheCueUp(text, onScreen);
    return worthAWorker ? Decision.LATER : Decision.NONE;
  }

  /**
   * The speculative half, on a worker, for an interim snippet the speaker paused after
   * ({@link EarlyCues#speculate}): the final's rule on the words heard so far, cards only. Blocking.
   */
  public Decision speculate(String text, Card onScreen) {
    return semantic == null ? Decision.NONE : EarlyCues.speculate(lexical, semantic, text, onScreen);
  }

  /** Whether the model runs and would take a {@link #secondLook} at {@code shown}. Non-blocking. */
  public boolean mayLookAgain(Decision shown) {
    return semantic != null && SecondLook.worth(shown);
  }

  /** The model's second look at a card the words were sure of ({@link SecondLook}). Blocking. */
  public Optional<Decision> secondLook(String text, Decision shown) {
    return SecondLook.at(semantic, text, shown);
  }

  /**
   * {@link #offLoop} in a session whose owner has cards of their own ({@code own}, or null): one of
   * theirs comes up instead when their own index is as sure of it ({@link OwnCues#over}). Blocking;
   * the question is embedded once for both indexes.
   */
  public Decision offLoop(String text, Card onScreen, OwnCues own) {
    return withOwn(offLoop(text, onScreen), own, text, onScreen, false);
  }

  /** {@link #speculate} with the owner's own cards, as {@link #offLoop(String, Card, OwnCues)}. Blocking. */
  public Decision speculate(String text, Card onScreen, OwnCues own) {
    return withOwn(speculate(text, onScreen), own, text, onScreen, true);
  }

  /**
   * {@link #decideNow} with the owner's own cards: empty unless both indexes ranked these words at
   * the pause. Non-blocking.
   */
  public Optional<Decision> decideNow(String text, Card onScreen, OwnCues own) {
    Optional<Decision> shared = decideNow(text, onScreen);
    if (shared.isEmpty() || own == null || !own.byMeaning()) {
      return shared;
    }
    // the lookup once: an eviction after it cannot make an embedding here
    SemanticIndex.Ranking yours = own.remembered(text);
    return yours == null ? Optional.empty()
        : Optional.of(withOwn(shared.get(), own, () -> yours, text, onScreen, false));
  }

  private Decision withOwn(Decision shared, OwnCues own, String text, Card onScreen, boolean atPause) {
    return own == null ? shared : withOwn(shared, own, () -> own.ranking(text), text, onScreen, atPause);
  }

  private Decision withOwn(Decision shared, OwnCues own, java.util.function.Supplier<SemanticIndex.Ranking> yours,
                           String text, Card onScreen, boolean atPause) {
    SemanticIndex.Ranking ours = semantic == null ? null : semantic.remembered(text);
    return own.over(shared, ours, yours, text, onScreen, atPause, lexical);
  }

  /** The blocking half, on a worker: the semantic check, then a follow-up on the card's topic, or a fallback. */
  public Decision offLoop(String text, Card onScreen) {
    return decide(text, onScreen, semantic == null ? null : semantic.ranking(text, Fallback.RELATED),
        words -> semantic.ranking(words, Fallback.RELATED));
  }

  /** The second half's rule, given the semantic ranking of the words (null without the model). */
  private Decision decide(String text, Card onScreen, SemanticIndex.Ranking ranking,
                          Function<String, SemanticIndex.Ranking> ranker) {
    if (QuestionDetector.bareTopic(text)) { // only after an answer does the inline half send one here
      return TopicNamed.byMeaning(lexical, text, onScreen, ranking);
    }
    List<Match> top = lexical.top(text, 1 + ALTERNATIVES);
    Match lex = top.isEmpty() ? null : top.get(0);
    List<Match> near;
    if (ranking != null) {
      if (ranking.smallTalk()) {
        // nearer "how was the traffic getting here" than any card: no cue at all, unless it asks about the cue up
        return OnScreen.aboutTheCueUpOrNothing(text, onScreen);
      }
      near = ranking.top();
      Optional<Decision> d = CueRule.weigh(top, near);
      if (d.isPresent()) {
        boolean sure = d.get().match().score() >= CueRule.LEXICAL_SURE;
        if (!sure && onScreen != null && OnScreen.shortQuestion(text)
            && !FollowUpWords.asksNewStory(text) && FollowUps.touches(text, onScreen, lexical)) {
          return Decision.followUp(FollowUps.topic(text, onScreen)); // a short, unsure question on the card's topic
        }
        boolean clearly = CueRule.weigh(top, near, CueRule.LEAVE_FALLBACK).isPresent();
        if (OnScreen.staysOnTheFallback(text, onScreen, Match.scoreOf(d.get().match().card(), top),
            d.get().match().score(), lexical.threshold(), clearly)) {
          return Decision.followUp(FollowUps.topic(text, onScreen, d.get().match().card()));
        }
        return OnScreen.onScreenOrCard(d.get().withAlternatives(near), text, onScreen);
      }
    } else if (lex != null && lex.score() >= lexical.threshold()) {
      return OnScreen.onScreenOrCard(Decision.card(lex, "match").withAlternatives(top), text, onScreen);
    } else {
      near = null;
    }
    if (!Fallback.deserves(text)) {
      return OnScreen.aboutTheCueUpOrNothing(text, onScreen);
    }
    List<Match> byWords = lexical.top(text, Fallback.RELATED);
    if (near == null) {
      near = byWords;
    }
    if (onScreen != null && !FollowUpWords.asksNewStory(text) && (FollowUps.touches(text, onScreen, lexical)
        || isAmong(onScreen, byWords) || isAmong(onScreen, near)
        || OnScreen.onTheFallback(text, onScreen))) {
      // nearest to the card on screen: more on it; and a question no card answers, asked while a fallback is
      // up, that points back at it ("how would that work when the phone is offline") or is short ("where
      // would the values be cached on the device"), is more on that question: most follow-ups to a question no
      // card answers are questions no card answers either (docs/matching.md, "... held out again")
      return Decision.followUp(FollowUps.topic(text, onScreen));
    }
    Optional<Decision> part = ranking == null ? Optional.empty() : byPart(text, near, ranker);
    if (part.isPresent()) {
      // a question of two parts: the card for one of them
      return OnScreen.onScreenOrCard(part.get().withAlternatives(near), text, onScreen);
    }
    // the nearest cards by meaning when the model runs, else by shared words
    return new Decision(Kind.FALLBACK, null, "fallback", null, near);
  }

  /**
   * A question of two parts ("what is X, and how does Y work") whose whole the rule could not
   * decide: the first part's card that the rule is sure of on that part alone, in order, provided
   * it is among the whole question's nearest cards ({@code near}). {@code ranker} gives a part's
   * ranking (null when it may not embed here).
   */
  private Optional<Decision> byPart(String text, List<Match> near,
                                    Function<String, SemanticIndex.Ranking> ranker) {
    for (String part : parts(text)) {
      SemanticIndex.Ranking r = ranker.apply(part);
      if (r == null || r.smallTalk() || r.top().isEmpty()) {
        continue;
      }
      Optional<Decision> d = CueRule.weigh(lexical.top(part, 2), r.top());
      if (d.isPresent() && isAmong(d.get().match().card(), near)) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** The parts of a question of two or more that have two topic words or more each ({@link QuestionDetector#parts}). */
  private List<String> parts(String text) {
    List<String> parts = QuestionDetector.parts(text);
    return parts.isEmpty() ? parts : parts.stream().filter(p -> lexical.heard(p).size() >= 2).toList();
  }

  private static boolean isAmong(Card card, List<Match> near) {
    return near.stream().anyMatch(r -> r.card().id().equals(card.id()));
  }
}

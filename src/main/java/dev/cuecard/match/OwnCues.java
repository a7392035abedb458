package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A session owner's own cards next to the server's bank: their matcher, and, once it is built and
 * the model runs, an index of their cards by meaning. One of their cards comes up when it is at
 * least as sure as the server's card would be: inline when its words alone are as sure as an
 * inline card ({@link #inline}), and otherwise, off the event loop, by the same calibrated rule
 * over their own index ({@link #over}). Immutable; thread-safe.
 */
public final class OwnCues {
  /**
   * The bank name of the stand-ins for a user's remembered corrections ({@code session.Remembered};
   * never a user's bank name, those being checked names without spaces): they come up by their words ({@link #inline}), never by meaning alone, which in simulation
   * brought no right card that words did not and took one from a neighbouring card.
   */
  public static final String REMEMBERED = "remembered wordings";
  private final Matcher lexical;
  private final SemanticIndex semantic;

  /** {@code semantic} may be null: not built yet, or the model is off; then their cards match by words only. */
  public OwnCues(Matcher lexical, SemanticIndex semantic) {
    this.lexical = lexical;
    this.semantic = semantic;
  }

  public Matcher lexical() {
    return lexical;
  }

  /** Whether their cards take part in the semantic path too. */
  public boolean byMeaning() {
    return semantic != null;
  }

  /** Their index's ranking of these words if it ranked them lately (at a pause), else null. Non-blocking. */
  SemanticIndex.Ranking remembered(String text) {
    return semantic == null ? null : semantic.remembered(text);
  }

  /** Their index's ranking of these words (null without an index). Blocking: an embedding unless remembered. */
  SemanticIndex.Ranking ranking(String text) {
    return semantic == null ? null : semantic.ranking(text, Fallback.RELATED);
  }

  /**
   * One of their cards for a question, when it is as sure as an inline lexical card (a final at
   * {@link CueRule#LEXICAL_SURE}, an interim snippet at the interim rule's score) and no card of the
   * server's bank ({@code shared}) scores higher. On the event loop (a few hundred cards at most).
   */
  Optional<Match> inline(Matcher shared, String text, boolean isFinal) {
    if (!QuestionDetector.isQuestion(text)) {
      return Optional.empty();
    }
    List<Match> top = isFinal ? lexical.top(text, 1) : lexical.topInterim(text, 1);
    double need = isFinal ? CueRule.LEXICAL_SURE : Math.min(1.0, lexical.threshold() + Matcher.INTERIM_EXTRA);
    if (top.isEmpty() || top.get(0).score() < need) {
      return Optional.empty();
    }
    List<Match> server = shared.top(text, 1);
    return server.isEmpty() || server.get(0).score() <= top.get(0).score() ? Optional.of(top.get(0)) : Optional.empty();
  }

  /**
   * Their card by meaning over the server's decision {@code shared}, when their index, by the same
   * calibrated rule ({@link CueRule#weigh}), is at least as sure of it as {@code shared} is of its
   * card (or {@code shared} is no card). Never over a follow-up, for small talk (the server's
   * ranking, {@code sharedRanking}, says so), for the card on screen, or (at a pause) on the topic of
   * the card on screen. When it stays a fallback, their nearest cards may be among its related
   * ones. {@code yours} gives their index's ranking of the words ({@link #ranking} or
   * {@link #remembered}), asked for only past those checks; the rest is term lookups, so this may
   * run on the event loop with a remembered ranking.
   */
  Cues.Decision over(Cues.Decision shared, SemanticIndex.Ranking sharedRanking,
                     Supplier<SemanticIndex.Ranking> yours, String text, Card onScreen, boolean atPause,
                     Matcher sharedLexical) {
    boolean smallTalk = sharedRanking != null && sharedRanking.smallTalk();
    if (semantic == null || smallTalk || shared.kind() == Cues.Kind.FOLLOW_UP || !QuestionDetector.isQuestion(text)) {
      return shared;
    }
    SemanticIndex.Ranking ranking = yours.get(); // only now: it may cost an embedding
    if (ranking == null || ranking.top().isEmpty()) {
      return shared;
    }
    List<Match> lex = lexical.top(text, 2);
    Optional<Cues.Decision> mine = CueRule.weigh(lex, ranking.top());
    if (mine.isEmpty()) {
      return related(shared, ranking.top());
    }
    Match m = mine.get().match();
    if (REMEMBERED.equals(m.card().bank())) {
      // a remembered wording brings its card by words only (docs/matching.md, "Remembered corrections");
      // a fallback may still list it among its nearest cards
      return related(shared, ranking.top());
    }
    if (atPause && !EarlyCues.byPhrasingToo(CueRule.byMeaningOnATie(lex, ranking.top().get(0)), ranking, m.card())) {
      return shared; // words heard so far: as for the server's cards
    }
    if (onScreen != null && (m.card().id().equals(onScreen.id())
        || atPause && m.score() < CueRule.LEXICAL_SURE && FollowUps.touches(text, onScreen, sharedLexical))) {
      return shared;
    }
    boolean asSure = shared.kind() != Cues.Kind.CARD
        || sureness(m, lex, ranking) >= sureness(shared.match(), sharedLexical.top(text, 2), sharedRanking);
    return asSure ? Cues.Decision.card(m, "yours") : shared;
  }

  /**
   * A fallback's related cards with their nearest own cards among them: the nearest of both
   * banks by fused score, {@link Fallback#RELATED} at most. Other decisions pass unchanged.
   */
  private static Cues.Decision related(Cues.Decision shared, List<Match> yours) {
    if (shared.kind() != Cues.Kind.FALLBACK) {
      return shared;
    }
    List<Match> near = new java.util.ArrayList<>(shared.related());
    near.addAll(yours);
    near.sort(java.util.Comparator.comparingDouble(Match::score).reversed());
    return new Cues.Decision(Cues.Kind.FALLBACK, null, shared.source(), null,
        List.copyOf(near.subList(0, Math.min(Fallback.RELATED, near.size()))));
  }

  /**
   * How sure an index is of the card it decided on: the better of its score by words and its fused
   * score by meaning. The rule hands back either (the lexical match when both rankings agree), so
   * two decisions compare on the same footing only this way.
   */
  private static double sureness(Match decided, List<Match> byWords, SemanticIndex.Ranking byMeaning) {
    return Math.max(decided.score(), Math.max(Match.scoreOf(decided.card(), byWords),
        byMeaning == null ? 0 : Match.scoreOf(decided.card(), byMeaning.top())));
  }
}

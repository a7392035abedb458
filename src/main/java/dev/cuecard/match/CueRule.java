package dev.cuecard.match;

import java.util.List;
import java.util.Optional;

/**
 * The calibrated cue rule's lines and its three tests ({@link Cues} applies them): when the words
 * alone are sure of a card, which card of two the words tie on, and which card, if any, a final
 * question gets when the words and the model are weighed together. Chosen on the dev set
 * (docs/matching.md, "Calibration").
 */
final class CueRule {
  /** A lexical score this high is shown at once, without waiting for the semantic check. */
  static final double LEXICAL_SURE = 0.7;
  /**
   * A sure lexical card leading the next by less than this is a tie: the semantic path decides
   * (docs/matching.md, "Ties by words").
   */
  static final double LEXICAL_TIE = 0.01;
  /**
   * The model's first card leading its second by less than this is a tie: the words decide which of
   * the two the rule weighs ({@link #byWordsOnATie}).
   */
  static final double SEMANTIC_TIE = 0.005;
  /** When both rankings put the same card first, either this lexical score ... */
  static final double AGREE_LEXICAL = 0.4;
  /** ... or this fused semantic score is enough. */
  static final double AGREE_SEMANTIC = 0.45;
  /** The semantic card alone: a high score with a small lead, ... */
  static final double SEMANTIC_SURE = 0.7;
  static final double SEMANTIC_SURE_MARGIN = 0.06;
  /** ... or a middling score with a wide lead. */
  static final double SEMANTIC_CLEAR = 0.45;
  static final double SEMANTIC_CLEAR_MARGIN = 0.15;
  /**
   * The lexical card alone when the semantic ranking disagrees and is not clear, and the words do
   * not tie it with another card ({@link #LEXICAL_TIE}): words that cannot tell two cards apart do
   * not decide between them alone (docs/matching.md, "Ties by words").
   */
  static final double LEXICAL_ALONE = 0.6;
  /**
   * With a fallback on screen, a follow-up on it (short, or pointing back) takes a card only when the
   * card clears the rule's line by this much ({@link #weigh} with every line raised); one that points
   * back needs its words over the lexical line by this much too, and one that asks what you would do
   * there its card over the sure line by this much: scores within a few hundredths of a line
   * move with every card added to the bank (through the words' weights), and a fallback's follow-ups
   * should not move with them (docs/matching.md, "Leaving a fallback").
   */
  static final double LEAVE_FALLBACK = 0.05;

  private CueRule() {
  }

  /**
   * Whether a lexical card may be shown without asking meaning: {@link #LEXICAL_SURE} or more and
   * not a tie with the next card (two cards the words cannot tell apart, often through one phrasing
   * both share, are left to meaning).
   */
  static boolean sureByWords(Match m) {
    return m != null && m.score() >= LEXICAL_SURE && !tiedByWords(m);
  }

  /**
   * Whether the words put the next card within {@link #LEXICAL_TIE} of this one: they cannot tell
   * the two apart.
   */
  private static boolean tiedByWords(Match m) {
    return m.margin() < LEXICAL_TIE;
  }

  /**
   * The lexical card the rule weighs: the first by words, or, when the first two tie
   * ({@link #LEXICAL_TIE}) and meaning puts the second first, the second.
   */
  static Match byMeaningOnATie(List<Match> byWords, Match byMeaning) {
    if (byWords.isEmpty()) {
      return null;
    }
    boolean tie = byWords.size() > 1 && tiedByWords(byWords.get(0));
    return tie && byWords.get(1).card().id().equals(byMeaning.card().id()) ? byWords.get(1) : byWords.get(0);
  }

  /**
   * The semantic card the rule weighs: the model's first, or, when its first two tie
   * ({@link #SEMANTIC_TIE}) and the words put the second first, the second. Two cards the model
   * scores alike are a coin toss (which comes first moved with cards added elsewhere in the bank),
   * so the words settle it, as meaning settles a tie by words ({@link #byMeaningOnATie}).
   */
  static Match byWordsOnATie(List<Match> byMeaning, Match byWords) {
    if (byMeaning.isEmpty()) {
      return null;
    }
    boolean tie = byMeaning.size() > 1 && byMeaning.get(0).margin() < SEMANTIC_TIE;
    return tie && byWords != null && byMeaning.get(1).card().id().equals(byWords.card().id())
        ? byMeaning.get(1) : byMeaning.get(0);
  }

  /**
   * The calibrated rule over both rankings, each tie settled by the other ranking first
   * ({@link #byMeaningOnATie}, {@link #byWordsOnATie}): what every path that weighs the words and the
   * model together decides with (a question, a part of one, words heard so far at a pause, a topic
   * named, the user's own cards).
   */
  static Optional<Cues.Decision> weigh(List<Match> byWords, List<Match> byMeaning) {
    return weigh(byWords, byMeaning, 0);
  }

  /** {@link #weigh} with every line raised by {@code raise}: whether a card clears its line by that much. */
  static Optional<Cues.Decision> weigh(List<Match> byWords, List<Match> byMeaning, double raise) {
    if (byMeaning.isEmpty()) {
      return Optional.empty();
    }
    Match lex = byMeaningOnATie(byWords, byMeaning.get(0));
    return arbitrate(lex, byWordsOnATie(byMeaning, lex), raise);
  }

  /**
   * The calibrated rule for a final question the lexical path was not sure of. Every card it picks
   * is marked {@code semantic}: it was decided on the worker, after the embedding, even when it is
   * the lexical card that the embedding confirmed.
   */
  static Optional<Cues.Decision> arbitrate(Match lex, Match sem) {
    return arbitrate(lex, sem, 0);
  }

  private static Optional<Cues.Decision> arbitrate(Match lex, Match sem, double raise) {
    if (lex != null && lex.card().id().equals(sem.card().id())
        && (lex.score() >= AGREE_LEXICAL + raise || sem.score() >= AGREE_SEMANTIC + raise)) {
      return Optional.of(Cues.Decision.card(lex, "semantic"));
    }
    if ((sem.score() >= SEMANTIC_SURE + raise && sem.margin() >= SEMANTIC_SURE_MARGIN)
        || (sem.score() >= SEMANTIC_CLEAR + raise && sem.margin() >= SEMANTIC_CLEAR_MARGIN)) {
      return Optional.of(Cues.Decision.card(sem, "semantic"));
    }
    if (lex != null && lex.score() >= LEXICAL_ALONE + raise && !tiedByWords(lex)) {
      return Optional.of(Cues.Decision.card(lex, "semantic"));
    }
    return Optional.empty();
  }
}

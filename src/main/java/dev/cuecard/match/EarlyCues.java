package dev.cuecard.match;

import dev.cuecard.bank.Card;
import dev.cuecard.match.Cues.Decision;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cards before the question ends, the half of {@link Cues} that decides on words still being
 * spoken: an interim snippet's card on the event loop ({@link #interim}), and the final's rule at
 * the speaker's pause on a worker ({@link #speculate}), with the guards that keep half-heard
 * questions from landing wrong cards (docs/matching.md, "Early cards" and "Speculative embedding").
 */
final class EarlyCues {
  /** Interim snippets in a row with the same leading card that let it land before the question ends. */
  static final int STEADY = 2;
  /** The least score and lead of a steady interim leader. */
  static final double STEADY_SCORE = 0.5;
  static final double STEADY_MARGIN = 0.2;
  /** The least words of an interim snippet worth an embedding at the next pause. */
  static final int SPECULATE_WORDS = 4;
  /**
   * ... and the least topic words (analysed terms: no stop words or fillers) among them: "tell me
   * about a time you" has one ("time") and would be matched to whichever story card it resembles.
   */
  static final int SPECULATE_TERMS = 2;

  /** Words a question does not end on: a snippet ending with one was cut off mid-phrase. */
  private static final Set<String> MID_PHRASE = Set.of("a", "an", "the", "of", "to", "for", "in",
      "on", "with", "between", "and", "or", "but", "how", "what", "why", "when", "which", "who", "where", "your",
      "my", "our", "their", "its", "about", "from", "by", "as", "at", "if", "can", "could", "would", "should",
      "will", "into", "than", "some", "any", "such", "versus", "vs", "um", "uh");

  /**
   * An interim snippet lands a card early on a clear lead (the matcher's interim rule), or when the
   * same card has led {@link #STEADY} snippets in a row with a fair score and lead; the card already
   * on screen is not landed again. On the event loop.
   */
  static Decision interim(Matcher lexical, Match best, Card onScreen, Cues.Trend trend) {
    Match leading = best != null && best.score() >= STEADY_SCORE ? best : null;
    int streak = trend.update(leading);
    if (best == null) {
      return Decision.NONE;
    }
    boolean clear = best.score() >= Math.min(1.0, lexical.threshold() + Matcher.INTERIM_EXTRA)
        && best.margin() >= Matcher.INTERIM_MARGIN;
    boolean steady = streak >= STEADY && best.margin() >= STEADY_MARGIN;
    if (onScreen != null && best.card().id().equals(onScreen.id())) {
      return Decision.NONE; // already up: not this question's early card
    }
    if (clear || steady) {
      trend.landed(best.card());
      return Decision.card(best, "match");
    }
    return Decision.NONE;
  }

  /** Whether an interim snippet that landed nothing is worth an embedding if the speaker pauses after it. */
  static boolean worthAPause(String text, List<String> heard) {
    return words(text) >= SPECULATE_WORDS && !unfinished(text) && heard.size() >= SPECULATE_TERMS;
  }

  /**
   * For an interim snippet the speaker paused after: the same calibrated rule as a final question,
   * on the words heard so far, so that a card can land before the recogniser's final. It shows
   * cards only: a question that may be a follow-up to the card on screen, small talk and
   * everything unsure wait for the final. The embedding is remembered ({@link SemanticIndex}), so a
   * final with the same words does not pay for it again. Blocking.
   */
  static Decision speculate(Matcher lexical, SemanticIndex semantic, String text, Card onScreen) {
    List<Match> top = lexical.top(text, 1 + Cues.ALTERNATIVES);
    Match lex = top.isEmpty() ? null : top.get(0);
    Optional<Decision> d;
    if (CueRule.sureByWords(lex)) {
      d = Optional.of(Decision.card(lex, "match").withAlternatives(top)); // as the final would: no embedding needed
    } else {
      SemanticIndex.Ranking ranking = semantic.ranking(text, Fallback.RELATED);
      if (ranking.smallTalk() || ranking.top().isEmpty()) {
        return Decision.NONE;
      }
      d = CueRule.weigh(top, ranking.top()).map(c -> c.withAlternatives(ranking.top()));
      lex = CueRule.byMeaningOnATie(top, ranking.top().get(0)); // the words' card the rule weighed
      if (d.isPresent() && !byPhrasingToo(lex, ranking, d.get().match().card())) {
        return Decision.NONE;
      }
    }
    if (d.isEmpty()) {
      return Decision.NONE;
    }
    Match m = d.get().match();
    boolean onItsTopic = onScreen != null && (m.card().id().equals(onScreen.id())
        || m.score() < CueRule.LEXICAL_SURE && FollowUps.touches(text, onScreen, lexical));
    // what the final may take for more on the fallback up waits for it (OnScreen#onTheFallback)
    boolean onTheFallback = OnScreen.onTheFallback(text, onScreen) && !CueRule.sureByWords(lex);
    return onItsTopic || onTheFallback ? Decision.NONE : d.get();
  }

  /**
   * For words heard so far, at a pause: whether the rule picks {@code card} on the best phrasing
   * alone too, without the card centroids (they made half-heard questions land more wrong cards;
   * docs/matching.md, "Card centroids").
   */
  static boolean byPhrasingToo(Match lex, SemanticIndex.Ranking ranking, Card card) {
    Optional<Decision> d = ranking.byPhrasing() == null ? Optional.empty() : CueRule.arbitrate(lex, ranking.byPhrasing());
    return d.isPresent() && d.get().match().card().id().equals(card.id());
  }

  static boolean unfinished(String text) {
    String[] w = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    return MID_PHRASE.contains(w[w.length - 1].replaceAll("[^a-z']", ""));
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }

  private EarlyCues() {
  }
}

package dev.cuecard.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model's second look at a final question whose card its words were sure of: a card decided
 * inline (source {@code match}) is shown at once, with no embedding, and this, on a worker, puts
 * another card in its place when the words' lead is narrow ({@link #NARROW_LEAD}) and the model is
 * sure of that one (its score and margin at {@link CueRule#SEMANTIC_SURE} and
 * {@link CueRule#SEMANTIC_SURE_MARGIN}, the line at which it decides alone), with the words' card
 * first among its alternatives. Where the two disagreed on the tuned
 * sets and read lists, the model was right 11 times and the words 4 (docs/matching.md, "A second look").
 */
final class SecondLook {
  /**
   * Only a card whose lead by words over the runner-up is under this is looked at again: about a
   * quarter of the cards the words are sure of, which keeps the embeddings it costs under load to
   * that share. On the tuned sets and read lists it keeps 10 of the 11 cards the model put right and
   * avoids 3 of the 4 it put wrong (docs/matching.md, "A second look").
   */
  static final double NARROW_LEAD = 0.25;

  private SecondLook() {
  }

  /** Whether {@code shown} is a card the words decided inline by a narrow lead, the only kind looked at again. */
  static boolean worth(Cues.Decision shown) {
    return shown.kind() == Cues.Kind.CARD && "match".equals(shown.source()) && shown.match().margin() < NARROW_LEAD;
  }

  /** Another card for {@code text} than {@code shown}, or empty (also without the model). Blocking. */
  static Optional<Cues.Decision> at(SemanticIndex semantic, String text, Cues.Decision shown) {
    if (semantic == null || !worth(shown)) {
      return Optional.empty();
    }
    SemanticIndex.Ranking ranking = semantic.ranking(text, Fallback.RELATED);
    if (ranking.smallTalk() || ranking.top().isEmpty()) {
      return Optional.empty();
    }
    Match sem = ranking.top().get(0);
    if (sem.card().id().equals(shown.match().card().id())
        || sem.score() < CueRule.SEMANTIC_SURE || sem.margin() < CueRule.SEMANTIC_SURE_MARGIN) {
      return Optional.empty();
    }
    List<Match> ranked = new ArrayList<>();
    ranked.add(shown.match());
    ranked.addAll(ranking.top());
    return Optional.of(Cues.Decision.card(sem, "semantic").withAlternatives(ranked));
  }
}

package dev.cuecard.match;

import dev.cuecard.bank.Card;

/**
 * A card matched to what was heard. {@code score} is a 0..1 confidence (how much of the question
 * and of the card's closest phrasing the snippet covers); {@code margin} is its lead over the next card.
 */
public record Match(Card card, double score, double margin) {
  /** The card's score among these matches (a ranking), or 0 when it is not among them. */
  static double scoreOf(Card card, java.util.List<Match> matches) {
    return matches.stream().filter(m -> m.card().id().equals(card.id())).mapToDouble(Match::score).max().orElse(0);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s(%.3f, +%.3f)", card.id(), score, margin);
  }
}

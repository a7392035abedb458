package dev.cuecard.match;

/**
 * Inverse document frequency over a bank's cards, as BM25 weighs it, counted as if the bank held
 * at most {@link #CARDS} cards. Past that size a word's weight moves only when cards that use the
 * word are added: a card about brokers no longer shifts the weight of "orm" or "decide", and with
 * it every score that sits near a fixed line (docs/matching.md, "Weights that hold as the bank
 * grows"). Banks smaller than that are counted as they are.
 */
final class Idf {
  /** The bundled bank's size when the weights were pinned (forty-first session). */
  static final int CARDS = 560;

  private Idf() {
  }

  /** The weight of a word that {@code holding} of {@code cards} cards use. */
  static double of(int cards, int holding) {
    double n = Math.min(cards, CARDS);
    return Math.log(1 + (Math.max(0, n - holding) + 0.5) / (holding + 0.5));
  }

  /** The weight of a word no card uses. */
  static double unknown(int cards) {
    return of(cards, 0);
  }
}

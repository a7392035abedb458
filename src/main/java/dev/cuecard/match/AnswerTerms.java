package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words an answer is made of, as evidence for which card a question is about: a question that
 * names "hypothesis", "x-frame-options" or "full_clean" asks about the card whose answer turns on
 * that word, even when no phrasing of the card uses it. Each card's answer vocabulary is the
 * analysed terms of its tags and key points (texts and curated terms); a term counts only when it
 * is distinctive, in at most {@link #MAX_CARDS} cards' answer vocabularies. A card's share is the
 * IDF mass of the question's distinctive terms that its vocabulary holds, over the IDF mass of all
 * the question's terms (IDF over the answer vocabularies). Immutable and thread-safe.
 */
final class AnswerTerms {
  /** A term in more cards' answers than this tells no card apart (chosen on the tuned sets, docs/matching.md). */
  static final int MAX_CARDS = 3;

  private final int cards;
  /** Distinctive term → the cards whose answers hold it. */
  private final Map<String, int[]> postings = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private final double unknownIdf;

  AnswerTerms(Bank bank) {
    List<Card> all = bank.cards();
    this.cards = all.size();
    Map<String, List<Integer>> holders = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      for (String t : vocabulary(all.get(i))) {
        holders.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
    }
    holders.forEach((t, l) -> {
      idf.put(t, Idf.of(cards, l.size()));
      if (l.size() <= MAX_CARDS) {
        postings.put(t, l.stream().mapToInt(Integer::intValue).toArray());
      }
    });
    this.unknownIdf = Idf.unknown(cards);
  }

  private static Set<String> vocabulary(Card c) {
    Set<String> v = new HashSet<>();
    c.tags().forEach(t -> v.addAll(TextAnalysis.terms(t)));
    for (Card.KeyPoint k : c.keyPoints()) {
      v.addAll(TextAnalysis.terms(k.text()));
      k.terms().forEach(t -> v.addAll(TextAnalysis.terms(t)));
    }
    return v;
  }

  /** Every card's share of the question's (analysed) terms by distinctive answer words, by bank position. */
  double[] shares(List<String> heard) {
    double[] out = new double[cards];
    Set<String> terms = new HashSet<>(heard);
    double mass = 0;
    for (String t : terms) {
      mass += idf.getOrDefault(t, unknownIdf);
    }
    if (mass == 0) {
      return out;
    }
    for (String t : terms) {
      int[] holders = postings.get(t);
      if (holders != null) {
        for (int c : holders) {
          out[c] += idf.get(t) / mass;
        }
      }
    }
    return out;
  }
}

package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches what the interviewer said to a card. Every card sharing an analysed term with the
 * snippet (a postings lookup; for bank search, {@link BankSearch}'s BM25 candidates) gets a 0..1
 * confidence from IDF-weighted term overlap, both ways: how much of the snippet the card explains, and how much
 * of the card's closest phrasing (question or an alias) the snippet said. A cue needs both, so a
 * half-finished question or a stray keyword stays below the threshold. Immutable and thread-safe.
 */
public final class Matcher {
  /**
   * The least total IDF of an alias's terms for it to land a card from an interim snippet:
   * "django" (1.0), "python" (1.7) or "work" (1.5) alone are not enough.
   */
  static final double MIN_INTERIM_WEIGHT = 2.5;
  private static final int MAX_QUERY_TERMS = 40;

  /** Extra confidence demanded before an interim (still-changing) snippet may commit to a card. */
  static final double INTERIM_EXTRA = 0.1;
  /** Lead over the runner-up that an interim match needs, so it does not flip once the question completes. */
  static final double INTERIM_MARGIN = 0.2;

  private final Bank bank;
  private final Map<String, FollowUps.CardTerms> followUpTerms = new java.util.concurrent.ConcurrentHashMap<>();
  /** The Lucene index for bank search, built on first use: the live path does not need it. */
  private volatile BankSearch search;
  private final List<CardTerms> cardTerms;
  private final Map<String, int[]> postings = new HashMap<>();
  private final Map<String, Double> idf;
  /** Card identifiers heard as one lower-case word ("jsonresponse") → the words they split into. */
  private final Map<String, List<String>> compounds = new HashMap<>();
  private final double unknownIdf;
  private final double threshold;

  /**
   * Per card: analysed term sets of each phrasing, the card's whole matching vocabulary, and how
   * many of the phrasings (the first ones) are telling enough to carry an interim snippet.
   */
  private record CardTerms(List<Set<String>> phrasings, Set<String> vocabulary, int telling) {
  }

  public Matcher(Bank bank, double threshold) {
    this.bank = bank;
    this.threshold = threshold;
    this.cardTerms = new ArrayList<>(bank.size());
    Map<String, Integer> df = new HashMap<>();
    for (Card c : bank.cards()) {
      List<Set<String>> phrasings = new ArrayList<>();
      phrasings.add(new HashSet<>(TextAnalysis.terms(c.question())));
      for (String a : c.aliases()) {
        phrasings.add(new HashSet<>(TextAnalysis.terms(a)));
      }
      Set<String> vocab = new HashSet<>();
      phrasings.forEach(vocab::addAll);
      compounds.putAll(TextAnalysis.compounds(c.question()));
      c.aliases().forEach(a -> compounds.putAll(TextAnalysis.compounds(a)));
      c.tags().forEach(t -> compounds.putAll(TextAnalysis.compounds(t)));
      for (String t : c.tags()) {
        vocab.addAll(TextAnalysis.terms(t));
      }
      cardTerms.add(new CardTerms(phrasings, vocab, phrasings.size()));
      for (String t : vocab) {
        df.merge(t, 1, Integer::sum);
      }
    }
    Map<String, List<Integer>> lists = new HashMap<>();
    for (int i = 0; i < cardTerms.size(); i++) {
      for (String t : cardTerms.get(i).vocabulary()) {
        lists.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
      }
    }
    lists.forEach((t, l) -> postings.put(t, l.stream().mapToInt(Integer::intValue).toArray()));
    int n = bank.size();
    this.idf = new HashMap<>();
    df.forEach((t, d) -> idf.put(t, Idf.of(n, d)));
    this.unknownIdf = Idf.unknown(n);
    // an alias whose words are all common in the bank ("what is django", "why python") is fully
    // said by any snippet that names them ("how does django ..."): it still matches a finished
    // question, but an interim snippet cannot land its card on it (the weak aliases go last)
    for (int i = 0; i < cardTerms.size(); i++) {
      CardTerms ct = cardTerms.get(i);
      List<Set<String>> strong = new ArrayList<>();
      List<Set<String>> weak = new ArrayList<>();
      strong.add(ct.phrasings().get(0)); // the card's question always counts
      for (Set<String> p : ct.phrasings().subList(1, ct.phrasings().size())) {
        double mass = 0;
        for (String t : p) {
          mass += idf.get(t);
        }
        (mass >= MIN_INTERIM_WEIGHT ? strong : weak).add(p);
      }
      if (!weak.isEmpty()) {
        int telling = strong.size();
        strong.addAll(weak);
        cardTerms.set(i, new CardTerms(strong, ct.vocabulary(), telling));
      }
    }
  }

  private BankSearch search() {
    BankSearch l = search;
    if (l == null) {
      synchronized (this) {
        l = search;
        if (l == null) {
          l = new BankSearch(bank);
          search = l;
        }
      }
    }
    return l;
  }

  /** Runs every card's phrasings through the matcher once so the first live question meets warm code. */
  public void warmUp() {
    rank("warm up the bank search index", 1);
    for (int round = 0; round < 3; round++) {
      for (Card c : bank.cards()) {
        match(c.question(), round % 2 == 0);
        for (String a : c.aliases()) {
          match(a, true);
        }
      }
    }
  }

  public Bank bank() {
    return bank;
  }

  public double threshold() {
    return threshold;
  }

  /**
   * The card for an interviewer snippet, if it is a question and matches confidently. Interim
   * snippets (still being spoken) need a higher score and a clear lead over the runner-up.
   */
  public Optional<Match> match(String text, boolean isFinal) {
    if (!QuestionDetector.isQuestion(text)) {
      return Optional.empty();
    }
    List<Match> ranked = best(heard(text), 2, !isFinal);
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    Match best = ranked.get(0);
    double need = isFinal ? threshold : Math.min(1.0, threshold + INTERIM_EXTRA);
    if (best.score() < need || (!isFinal && best.margin() < INTERIM_MARGIN)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Each card's analysed words for follow-up resolution, made on first use (cards never change in a matcher). */
  FollowUps.CardTerms followUpTerms(Card card) {
    if (Fallback.is(card)) {
      return FollowUps.CardTerms.of(card); // a fallback is the question as heard: one id, many questions
    }
    return followUpTerms.computeIfAbsent(card.id(), id -> FollowUps.CardTerms.of(card));
  }

  /** The live path's ranking for a snippet, best first, with no question check and no threshold. */
  public List<Match> top(String text, int limit) {
    return best(heard(text), limit, false);
  }

  /** {@link #top} for an interim snippet: aliases of common words only ({@link #MIN_INTERIM_WEIGHT}) do not count. */
  public List<Match> topInterim(String text, int limit) {
    return best(heard(text), limit, true);
  }

  /**
   * The live path: every card that shares a term with the snippet, scored exactly. A card sharing
   * no phrasing or tag term has confidence 0, so nothing is missed, and a postings lookup costs far
   * less than a Lucene search (which took 40% of server CPU under load; docs/benchmarks.md).
   */
  List<Match> best(List<String> q, int limit, boolean interim) {
    Heard heard = Heard.of(q, this);
    if (heard == null) {
      return List.of();
    }
    return ranked(heard, candidates(heard), limit, interim);
  }

  /** Every card's confidence for the snippet, by bank position (0 where no term is shared): for score fusion. */
  double[] confidences(String text) {
    return confidences(heard(text));
  }

  /** {@link #confidences(String)} for what {@link #heard} made of a snippet. */
  double[] confidences(List<String> q) {
    double[] out = new double[cardTerms.size()];
    Heard heard = Heard.of(q, this);
    if (heard != null) {
      for (int c : candidates(heard)) {
        out[c] = confidence(heard.terms(), heard.mass(), cardTerms.get(c), false);
      }
    }
    return out;
  }

  /** The cards sharing at least one term with the snippet. */
  private int[] candidates(Heard heard) {
    BitSet candidates = new BitSet(cardTerms.size());
    for (String t : heard.terms()) {
      int[] cards = postings.get(t);
      if (cards != null) {
        for (int c : cards) {
          candidates.set(c);
        }
      }
    }
    return candidates.stream().toArray();
  }

  /**
   * The analysed terms of what was heard, with any card identifier said as one lower-case word
   * ("what is a serializermethodfield") replaced by the words the card's spelling splits into.
   */
  List<String> heard(String text) {
    List<String> terms = TextAnalysis.terms(text);
    if (compounds.isEmpty()) {
      return terms;
    }
    List<String> out = null;
    for (int i = 0; i < terms.size(); i++) {
      List<String> parts = idf.containsKey(terms.get(i)) ? null : compounds.get(terms.get(i));
      if (parts != null && out == null) {
        out = new ArrayList<>(terms.subList(0, i));
      }
      if (out != null) {
        out.addAll(parts != null ? parts : List.of(terms.get(i)));
      }
    }
    return out == null ? terms : new ArrayList<>(new LinkedHashSet<>(out));
  }

  /** Analysed snippet terms (the last MAX_QUERY_TERMS) and their total IDF. */
  private record Heard(List<String> ordered, Set<String> terms, double mass) {
    static Heard of(List<String> q, Matcher m) {
      if (q.isEmpty()) {
        return null;
      }
      if (q.size() > MAX_QUERY_TERMS) {
        // a question usually closes a long utterance: keep its end
        q = q.subList(q.size() - MAX_QUERY_TERMS, q.size());
      }
      Set<String> terms = new HashSet<>(q);
      double mass = 0;
      for (String t : terms) {
        mass += m.idf(t);
      }
      return new Heard(q, terms, mass);
    }
  }

  /** Scores the candidate cards and keeps the best {@code limit} with a positive score, each with its lead. */
  private List<Match> ranked(Heard heard, int[] candidates, int limit, boolean interim) {
    List<double[]> scored = new ArrayList<>(candidates.length);
    for (int c : candidates) {
      scored.add(new double[] {c, confidence(heard.terms(), heard.mass(), cardTerms.get(c), interim)});
    }
    scored.sort((a, b) -> Double.compare(b[1], a[1]));
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < scored.size() && out.size() < limit; i++) {
      double next = i + 1 < scored.size() ? scored.get(i + 1)[1] : 0;
      double score = scored.get(i)[1];
      if (score > 0) {
        out.add(new Match(bank.cards().get((int) scored.get(i)[0]), score, score - next));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Cards ranked by confidence, BM25 picking the candidates (no question check, no threshold); for search. */
  public List<Match> rank(String text, int limit) {
    Heard heard = Heard.of(heard(text), this);
    if (heard == null) {
      return List.of();
    }
    return ranked(heard, search().candidates(heard.ordered()), limit, false);
  }

  private double confidence(Set<String> q, double qMass, CardTerms card, boolean interim) {
    double explained = 0;
    for (String t : q) {
      if (card.vocabulary().contains(t)) {
        explained += idf(t);
      }
    }
    double qCov = explained / qMass;
    double pCov = 0;
    List<Set<String>> phrasings = interim ? card.phrasings().subList(0, card.telling()) : card.phrasings();
    for (Set<String> p : phrasings) {
      double said = 0;
      double mass = 0;
      for (String t : p) {
        double w = idf(t);
        mass += w;
        if (q.contains(t)) {
          said += w;
        }
      }
      if (mass > 0) {
        pCov = Math.max(pCov, said / mass);
      }
    }
    return qCov + pCov == 0 ? 0 : 2 * qCov * pCov / (qCov + pCov);
  }

  /** How telling a term is in this bank (rare terms weigh more; a term no card uses weighs most). */
  double idf(String term) {
    return idf.getOrDefault(term, unknownIdf);
  }

  /**
   * Whether the terms that {@code which} picks out hold at least {@code share} of the terms' weight
   * ({@link #idf}) and some weight at all: how "on a card's topic" ({@link FollowUps#touches}) and "the
   * candidate's own words" ({@link AnswerWords}) are both decided.
   */
  boolean weighs(Set<String> terms, java.util.function.Predicate<String> which, double share) {
    double in = 0;
    double all = 0;
    for (String t : terms) {
      double w = idf(t);
      all += w;
      in += which.test(t) ? w : 0;
    }
    return in > 0 && in >= share * all;
  }
}

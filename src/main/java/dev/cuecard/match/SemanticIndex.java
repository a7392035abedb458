package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sentence-embedding fallback for questions worded unlike any card ("my page fires hundreds of
 * queries" for the N+1 card). Uses the quantized all-MiniLM-L6-v2 model shipped in the jar; an
 * embedding costs a few milliseconds of CPU, so it runs on a worker thread, only for final
 * interviewer questions the lexical matcher could not place and for interim ones the speaker
 * paused after (the recent snippets' rankings are kept, so their finals reuse them). Each card scores
 * {@code LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * rescaled closeness}, plus
 * {@link #ANSWER_WEIGHT} times the question's share of distinctive words of the card's answer, where the
 * closeness blends the best cosine over its question and aliases with the cosine to their centroid
 * ({@link #CENTROID_WEIGHT}) and is rescaled from [COS_LOW, COS_HIGH] to [0, 1] and beyond: cards
 * rank (and the lead is measured) by the uncapped score; the score reported is capped at 1.
 * Thread-safe once built.
 */
public final class SemanticIndex {
  static final double COS_LOW = 0.3;
  static final double COS_HIGH = 0.7;
  static final double LEXICAL_WEIGHT = 0.3;
  /**
   * The centroid's share of a card's closeness in meaning: {@code (1 - w) * best phrasing's cosine +
   * w * (the cosine to the unit mean of all its phrasings + their average distance from it)}. The best
   * phrasing alone lets one alias worded like many questions pull them all; the centroid is what
   * the card is about; the offset (how far the card's phrasings sit from their centroid) keeps a
   * question worded like one of them near the score it had, on the scale the cue rule was
   * calibrated on, and leaves a card of one phrasing as it was. A question heard only in part, at
   * a pause, must be placed on the best phrasing alone too ({@link Ranking#byPhrasing}): the
   * centroid made half-heard questions land more wrong early cards.
   */
  static final double CENTROID_WEIGHT = 0.4;
  /**
   * What a question's distinctive answer words ({@link AnswerTerms}: "hypothesis" for property-based
   * testing) add to a card's score, times their share of the question. Chosen on the tuned sets
   * among 0.1-0.4 (docs/matching.md, "Answer words").
   */
  static final double ANSWER_WEIGHT = 0.3;
  private static final int DIM = Embedder.DIMENSION;
  /** Recent snippets' rankings kept: a speculated interim and its final are often the same words. */
  static final int RECENT = 1024;

  private static volatile Embedder model;

  private final Matcher lexical;
  private final AnswerTerms answers;
  /** Every phrasing's unit vector, one after another (DIM floats each), and the card each belongs to. */
  private final float[] vectors;
  private final int[] owner;
  /** Every card's centroid: the unit mean of its phrasings' vectors (DIM floats per card, in bank order). */
  private final float[] centroids;
  /** How far each card's own phrasings are from its centroid on average (1 - cosine): its centroid term's offset. */
  private final double[] spread;
  /** The small-talk phrasings' unit vectors (src/main/resources/match/small-talk.txt). */
  private final float[] smallTalk;
  /**
   * A question's nearest cards by fused score; the nearest by its best phrasing alone, with no
   * centroid ({@code byPhrasing}, null for an empty bank: a half-heard question's card must be this
   * one too, see {@link #CENTROID_WEIGHT}); and whether it is nearer small talk than every card.
   */
  public record Ranking(List<Match> top, Match byPhrasing, boolean smallTalk) {
  }

  /** The most cards a remembered ranking holds: what the cue decision asks for. */
  static final int REMEMBERED_CARDS = Fallback.RELATED;
  /**
   * The last {@link #RECENT} snippets' rankings (a few cards each), least recently used first: a
   * final whose words were ranked at the speaker's pause is decided from them without a worker.
   */
  private final Map<String, Ranking> ranked = new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Ranking> eldest) {
      return size() > RECENT;
    }
  };

  private SemanticIndex(Matcher lexical, float[] vectors, int[] owner, float[] smallTalk) {
    this.lexical = lexical;
    this.answers = new AnswerTerms(lexical.bank());
    this.vectors = vectors;
    this.owner = owner;
    this.centroids = centroids(vectors, owner, lexical.bank().size());
    this.spread = spreads(vectors, owner, centroids, lexical.bank().size());
    this.smallTalk = smallTalk;
  }

  private static Embedder model() {
    Embedder m = model;
    if (m == null) {
      synchronized (SemanticIndex.class) {
        m = model;
        if (m == null) {
          m = new Embedder();
          model = m;
        }
      }
    }
    return m;
  }

  /** The text's unit vector, its recogniser spellings written out first ({@link SpokenForms}). Blocking. */
  static float[] embed(String text) {
    return model().vector(SpokenForms.written(text));
  }

  static final int HEARD = 256;
  /**
   * The last {@link #HEARD} snippets' vectors, least recently used first: a user's own cards rank
   * the same words as the server's bank right after it ({@link #besides}), without a second embedding.
   */
  private static final Map<String, float[]> heard = new LinkedHashMap<>(HEARD * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > HEARD;
    }
  };

  /** A snippet's vector, embedded unless the same words were embedded lately. Blocking. */
  private static float[] heardVector(String text) {
    float[] q;
    synchronized (heard) {
      q = heard.get(text);
    }
    if (q == null) {
      q = embed(text);
      synchronized (heard) {
        heard.put(text, q);
      }
    }
    return q;
  }

  /** Embeds every card's question and aliases (seconds for a few hundred cards). Blocking. */
  public static SemanticIndex build(Matcher lexical) {
    List<String> talk = RuleFiles.lines("match/small-talk.txt");
    float[] smallTalk = new float[talk.size() * DIM];
    for (int i = 0; i < talk.size(); i++) {
      System.arraycopy(embed(talk.get(i)), 0, smallTalk, i * DIM, DIM);
    }
    return build(lexical, smallTalk);
  }

  /**
   * An index of a user's own cards ({@code lexical}: their matcher), next to the server's
   * {@code shared} one, whose small-talk phrasings it reuses: a few hundred milliseconds for a few
   * dozen cards. Blocking.
   */
  public static SemanticIndex besides(Matcher lexical, SemanticIndex shared) {
    return build(lexical, shared.smallTalk);
  }

  private static SemanticIndex build(Matcher lexical, float[] smallTalk) {
    List<Card> cards = lexical.bank().cards();
    int rows = 0;
    for (Card c : cards) {
      rows += c.phrasings().size();
    }
    float[] vectors = new float[rows * DIM];
    int[] owner = new int[rows];
    int row = 0;
    for (int i = 0; i < cards.size(); i++) {
      for (String p : cards.get(i).phrasings()) {
        System.arraycopy(embed(p), 0, vectors, row * DIM, DIM);
        owner[row++] = i;
      }
    }
    return new SemanticIndex(lexical, vectors, owner, smallTalk);
  }

  public Matcher lexical() {
    return lexical;
  }

  /** How many phrasings (questions and aliases) it holds a vector of: 1.5 KiB each. */
  public int phrasings() {
    return owner.length;
  }

  /** The best card by fused score, if it reaches the matcher's threshold (no question check here). Blocking. */
  public Optional<Match> match(String text) {
    return best(text).filter(m -> m.score() >= lexical.threshold());
  }

  /** The best card by fused score with its lead over the runner-up, whatever the score. Blocking. */
  public Optional<Match> best(String text) {
    return ranking(text, 1).top().stream().findFirst();
  }

  /**
   * The {@code limit} best cards by fused score, best first, each with its lead over the next card
   * in the full ranking, and whether the question is nearer (by cosine) to one of the small-talk
   * phrasings than to every card's question and aliases. Blocking (one embedding).
   */
  public Ranking ranking(String text, int limit) {
    if (limit <= REMEMBERED_CARDS) {
      Ranking known;
      synchronized (ranked) {
        known = ranked.get(text);
      }
      if (known == null) {
        known = rank(text, REMEMBERED_CARDS);
        synchronized (ranked) {
          ranked.put(text, known);
        }
      }
      return known.top().size() <= limit ? known
          : new Ranking(known.top().subList(0, limit), known.byPhrasing(), known.smallTalk());
    }
    return rank(text, limit);
  }

  /**
   * The remembered {@link #ranking} of these words ({@link #REMEMBERED_CARDS} cards), when they
   * were ranked lately (at a pause), or null: no embedding, no pass over the card vectors.
   */
  public Ranking remembered(String text) {
    synchronized (ranked) {
      return ranked.get(text);
    }
  }

  private Ranking rank(String text, int limit) {
    float[] q = heardVector(text);
    double talk = -1;
    for (int row = 0; row < smallTalk.length / DIM; row++) {
      talk = Math.max(talk, dot(q, smallTalk, row * DIM));
    }
    List<Card> cards = lexical.bank().cards();
    double[] cos = new double[cards.size()];
    Arrays.fill(cos, -1);
    for (int row = 0; row < owner.length; row++) {
      cos[owner[row]] = Math.max(cos[owner[row]], dot(q, vectors, row * DIM));
    }
    List<String> heard = lexical.heard(text);
    double[] lex = lexical.confidences(heard);
    double[] answer = answers.shares(heard);
    double[] score = new double[cards.size()];
    double[] phrasingScore = new double[cards.size()];
    for (int i = 0; i < cards.size(); i++) {
      double meaning = (1 - CENTROID_WEIGHT) * cos[i] + CENTROID_WEIGHT * (dot(q, centroids, i * DIM) + spread[i]);
      score[i] = fused(lex[i], meaning) + ANSWER_WEIGHT * answer[i];
      phrasingScore[i] = fused(lex[i], cos[i]) + ANSWER_WEIGHT * answer[i];
    }
    List<Match> byPhrasing = best(cards, phrasingScore, 1);
    double nearestCard = Arrays.stream(cos).max().orElse(-1);
    return new Ranking(best(cards, score, limit), byPhrasing.isEmpty() ? null : byPhrasing.get(0), talk > nearestCard);
  }

  /**
   * The {@code limit} best cards by {@code score}, best first, each with its lead over the next
   * card: a partial selection, limit + 1 passes over a few hundred scores, no sort of the whole bank.
   */
  private static List<Match> best(List<Card> cards, double[] score, int limit) {
    int want = Math.min(limit + 1, cards.size());
    int[] top = new int[want];
    boolean[] taken = new boolean[cards.size()];
    for (int k = 0; k < want; k++) {
      int best = -1;
      for (int i = 0; i < cards.size(); i++) {
        if (!taken[i] && (best < 0 || score[i] > score[best])) {
          best = i;
        }
      }
      taken[best] = true;
      top[k] = best;
    }
    List<Match> out = new ArrayList<>();
    for (int k = 0; k < Math.min(limit, want); k++) {
      double next = k + 1 < want ? score[top[k + 1]] : 0;
      out.add(new Match(cards.get(top[k]), Math.min(1, score[top[k]]), score[top[k]] - next));
    }
    return out;
  }

  /** {@code LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * rescaled cosine}. */
  private static double fused(double lexical, double cosine) {
    // not capped at 1: two cards above COS_HIGH still rank by their cosines, not by bank order
    return LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * Math.max(0, (cosine - COS_LOW) / (COS_HIGH - COS_LOW));
  }

  private static float[] centroids(float[] vectors, int[] owner, int cards) {
    float[] c = new float[cards * DIM];
    for (int row = 0; row < owner.length; row++) {
      for (int k = 0; k < DIM; k++) {
        c[owner[row] * DIM + k] += vectors[row * DIM + k];
      }
    }
    for (int i = 0; i < cards; i++) {
      double norm = 0;
      for (int k = 0; k < DIM; k++) {
        norm += c[i * DIM + k] * c[i * DIM + k];
      }
      float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      for (int k = 0; k < DIM; k++) {
        c[i * DIM + k] *= scale;
      }
    }
    return c;
  }

  /** Each card's spread: the average {@code 1 - cosine} between its phrasings and its centroid (0 for one phrasing). */
  private static double[] spreads(float[] vectors, int[] owner, float[] centroids, int cards) {
    double[] spread = new double[cards];
    int[] phrasings = new int[cards];
    for (int row = 0; row < owner.length; row++) {
      spread[owner[row]] += 1 - dot(vectors, row * DIM, centroids, owner[row] * DIM);
      phrasings[owner[row]]++;
    }
    for (int i = 0; i < cards; i++) {
      spread[i] = phrasings[i] == 0 ? 0 : spread[i] / phrasings[i];
    }
    return spread;
  }

  /** Forgets the recent rankings, so that a timing measures the embedding too (eval's latency). */
  void forgetRecent() {
    synchronized (ranked) {
      ranked.clear();
    }
    synchronized (heard) {
      heard.clear();
    }
  }

  /** A query vector (at 0) dotted with the row at {@code from}: the hot loop, four sums at a time. */
  private static float dot(float[] q, float[] rows, int from) {
    return dot(q, 0, rows, from);
  }

  /** The dot product of the DIM floats at {@code fromA} and at {@code fromB}. */
  private static float dot(float[] a, int fromA, float[] b, int fromB) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    for (int k = 0; k < DIM; k += 4) {
      s0 += a[fromA + k] * b[fromB + k];
      s1 += a[fromA + k + 1] * b[fromB + k + 1];
      s2 += a[fromA + k + 2] * b[fromB + k + 2];
      s3 += a[fromA + k + 3] * b[fromB + k + 3];
    }
    return s0 + s1 + s2 + s3;
  }
}

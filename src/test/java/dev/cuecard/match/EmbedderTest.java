package dev.cuecard.match;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real MiniLM model from the jar, through the single-threaded ONNX session. */
class EmbedderTest {
  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  @Test
  void unitVectorsThatPlaceMeaning() {
    float[] nPlusOne = SemanticIndex.embed("why does my page fire hundreds of database queries");
    float[] card = SemanticIndex.embed("what is the n plus one query problem");
    float[] other = SemanticIndex.embed("tell me about a time you disagreed with your manager");
    assertEquals(Embedder.DIMENSION, nPlusOne.length);
    assertEquals(1.0, dot(nPlusOne, nPlusOne), 1e-3);
    assertTrue(dot(nPlusOne, card) > dot(nPlusOne, other) + 0.1,
        "related " + dot(nPlusOne, card) + " vs unrelated " + dot(nPlusOne, other));
  }

  @Test
  void concurrentCallsGiveTheSameVectors() throws Exception {
    String text = "how would you keep two people from booking the same seat";
    float[] alone = SemanticIndex.embed(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<float[]>> runs = java.util.stream.IntStream.range(0, 8)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> SemanticIndex.embed(text), pool)).toList();
      for (CompletableFuture<float[]> r : runs) {
        assertArrayEquals(alone, r.get(), 1e-6f);
      }
    } finally {
      pool.shutdown();
    }
  }
}

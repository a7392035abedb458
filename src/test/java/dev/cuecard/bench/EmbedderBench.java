package dev.cuecard.bench;

import dev.cuecard.match.Embedder;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One question's MiniLM embedding: the library's default ONNX session (a spinning intra-op thread
 * per core) against Cuecard's (one thread, no spinning). Run with {@code -t 1} and {@code -t 2}
 * to see one question alone and two at once (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EmbedderBench {
  static final String QUESTION = "so my page fires hundreds of queries when listing orders what is going on";

  @Param({"library-default", "cuecard"})
  public String session;

  Function<String, float[]> embed;

  @Setup(Level.Trial)
  public void setUp() {
    if (session.equals("cuecard")) {
      Embedder e = new Embedder();
      embed = e::vector;
    } else {
      EmbeddingModel m = new AllMiniLmL6V2QuantizedEmbeddingModel();
      embed = t -> m.embed(t).content().vector();
    }
  }

  @Benchmark
  public float[] embed() {
    return embed.apply(QUESTION);
  }
}

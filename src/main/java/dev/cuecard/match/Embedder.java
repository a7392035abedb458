package dev.cuecard.match;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The quantized all-MiniLM-L6-v2 sentence encoder (model and tokenizer ship inside the
 * langchain4j jar), run by ONNX Runtime with one intra-op thread and no spin-waiting.
 *
 * <p>The library's default session uses one spinning intra-op thread per core. Alone on an idle
 * machine that is faster (p50 3.6 against 5.2 ms for a 15-word question, {@code EmbedderBench}),
 * but two questions at once take 9.0 ms each against 5.6 ms, and the spinning threads take CPU
 * from the event loops: under the 1,000-session load, semantic cues went from p50 12.6 to 6.8 ms
 * and lexical cues got faster too (docs/benchmarks.md). Thread-safe: ONNX Runtime sessions allow
 * concurrent runs.
 */
public final class Embedder extends AbstractInProcessEmbeddingModel {
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  /** The encoder's tokenizer: its vocabulary also tells {@link Typos} which words are English. */
  static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  public static final int DIMENSION = 384;
  /**
   * The tokenizer library (DJL) logs its CUDA probe as warnings ("Failed to detect GPU count") on
   * every machine without a GPU; nothing here uses a GPU, so only its errors are shown. Held in a
   * field because java.util.logging forgets the level of a logger nobody references.
   */
  private static final Logger DJL_LOG = Logger.getLogger("ai.djl");

  static {
    DJL_LOG.setLevel(Level.SEVERE);
  }

  private final OnnxBertBiEncoder encoder;

  public Embedder() {
    this(MODEL, TOKENIZER);
  }

  private Embedder(String modelResource, String tokenizerResource) {
    super(Runnable::run); // single texts are embedded on the calling thread anyway
    try (InputStream model = open(modelResource); InputStream tokenizer = open(tokenizerResource)) {
      encoder = session(model, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model", e);
    }
  }

  /**
   * Another BERT-style ONNX encoder of the same width (the encoder comparison in docs/matching.md
   * loads bge-small-en-v1.5 and e5-small-v2 this way), with the same session settings.
   */
  public Embedder(InputStream model, InputStream tokenizer, PoolingMode pooling) {
    super(Runnable::run);
    try {
      encoder = session(model, tokenizer, pooling);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model", e);
    }
  }

  private static OnnxBertBiEncoder session(InputStream model, InputStream tokenizer, PoolingMode pooling)
      throws IOException {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options), tokenizer, pooling);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the embedding model: " + e.getMessage(), e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = Embedder.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is missing from the classpath");
    }
    return in;
  }

  /** The unit-length embedding of one text. Blocking (milliseconds of CPU). */
  public float[] vector(String text) {
    return embed(text).content().vector();
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }
}

package dev.cuecard.protocol;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Makes Vert.x read and write JSON with jackson-core's streaming parser and generator (registered
 * in META-INF/services). Vert.x otherwise picks its databind codec whenever jackson-databind is on
 * the class path (langchain4j brings it), and building that ObjectMapper costs about 0.3 s of a
 * 2 s cold start (docs/benchmarks.md). Everything Cuecard sends and stores is JsonObject/JsonArray
 * of plain values, which the streaming codec covers; mapping to Java beans ({@code mapTo}) is not
 * available, by design.
 */
public final class StreamingJson implements JsonFactory {
  private static final JsonCodec CODEC = new JacksonCodec();

  @Override
  public int order() {
    return 0; // ahead of Vert.x's own factory
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}

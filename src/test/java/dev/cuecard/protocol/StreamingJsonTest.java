package dev.cuecard.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StreamingJsonTest {
  @Test
  void vertxUsesTheStreamingCodec() {
    assertFalse(Json.CODEC instanceof DatabindCodec, "the ObjectMapper codec is not the one in use: " + Json.CODEC);
    assertEquals(StreamingJson.class, io.vertx.core.spi.JsonFactory.load().getClass());
  }

  @Test
  void everyValueKindTheServerSendsRoundTrips() {
    JsonObject o = new JsonObject()
        .put("s", "héllo \"quoted\" \n")
        .put("i", 42)
        .put("l", 1_795_508_035_660L)
        .put("d", 0.875)
        .put("b", true)
        .putNull("n")
        .put("a", new JsonArray().add(1).add("two").add(new JsonObject().put("x", false)))
        .put("at", Instant.parse("2026-11-24T08:00:00Z"));
    JsonObject back = new JsonObject(o.encode());
    assertEquals(42, back.getInteger("i"));
    assertInstanceOf(Long.class, back.getValue("l"));
    assertEquals(1_795_508_035_660L, back.getLong("l"));
    assertEquals(0.875, back.getDouble("d"));
    assertEquals("héllo \"quoted\" \n", back.getString("s"));
    assertEquals("two", back.getJsonArray("a").getString(1));
    assertFalse(back.getJsonArray("a").getJsonObject(2).getBoolean("x"));
    assertEquals(Instant.parse("2026-11-24T08:00:00Z"), back.getInstant("at"));
    assertEquals(o.encode(), new JsonObject(o.encodePrettily()).encode());
  }

  @Test
  void badJsonStillFailsClearly() {
    assertThrows(DecodeException.class, () -> new JsonObject("{\"a\": "));
    assertThrows(DecodeException.class, () -> new JsonObject("[1, 2]"));
  }
}

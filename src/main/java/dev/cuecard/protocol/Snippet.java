package dev.cuecard.protocol;

import io.vertx.core.json.JsonObject;

/** A piece of live transcript from a client: who spoke, what, whether it is final, and its sequence number. */
public record Snippet(Speaker speaker, String text, boolean isFinal, long seq, Long ts) {

  public JsonObject toJson() {
    JsonObject o = new JsonObject()
        .put("speaker", speaker.wire())
        .put("text", text)
        .put("final", isFinal)
        .put("seq", seq);
    if (ts != null) {
      o.put("ts", ts);
    }
    return o;
  }

  public static Snippet fromJson(JsonObject o) {
    return new Snippet(Speaker.parse(o.getString("speaker")), o.getString("text"), o.getBoolean("final"),
        o.getLong("seq"), o.getLong("ts"));
  }
}

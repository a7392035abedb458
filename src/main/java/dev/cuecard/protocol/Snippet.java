package dev.cuecard.protocol;

import io.vertx.core.json.JsonObject;

/**
 * A piece of live transcript from a client: who spoke, what, whether it is final, its sequence
 * number, and whether it was typed rather than recognised from speech.
 */
public record Snippet(Speaker speaker, String text, boolean isFinal, long seq, Long ts, boolean typed) {

  public JsonObject toJson() {
    JsonObject o = new JsonObject()
        .put("speaker", speaker.wire())
        .put("text", text)
        .put("final", isFinal)
        .put("seq", seq);
    if (ts != null) {
      o.put("ts", ts);
    }
    if (typed) {
      o.put("typed", true);
    }
    return o;
  }

  public static Snippet fromJson(JsonObject o) {
    return new Snippet(Speaker.parse(o.getString("speaker")), o.getString("text"), o.getBoolean("final"),
        o.getLong("seq"), o.getLong("ts"), o.getBoolean("typed", false));
  }
}

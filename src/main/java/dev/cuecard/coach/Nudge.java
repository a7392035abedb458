package dev.cuecard.coach;

import io.vertx.core.json.JsonObject;

/** A short hint for the candidate: what kind, what to do, and why it was given. */
public record Nudge(NudgeKind kind, String text, String reason, long at) {
  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.wire()).put("text", text).put("reason", reason).put("at", at);
  }
}

package dev.cuecard.coach;

import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * A stored answer scored again against the card that was really asked, when the user corrects a
 * cue in the review: the key points covered and missed, the structure and whether a number was
 * stated come from the candidate's words as stored, followed as the live coach followed them; the
 * timing, pace, fillers and the nudges shown during the answer stay as they were, since they
 * happened. What the owner's own story or answer added is dropped with the old card.
 */
public final class Rescore {
  private Rescore() {
  }

  /** The stored detail ({@link AnswerRecord#toJson}) made over for {@code card}, marked with the card it replaces. */
  public static JsonObject against(Card card, JsonObject stored, List<String> candidateFinals) {
    long shownAt = stored.getLong("shownAt");
    AnswerTracker tracker = new AnswerTracker(card, shownAt, Long.MAX_VALUE, Set.of());
    long at = stored.getLong("startedAt", shownAt);
    for (String text : candidateFinals) {
      tracker.onCandidate(text, true, at);
    }
    AnswerRecord again = tracker.finish(stored.getLong("endedAt", at));
    JsonObject out = stored.copy();
    out.remove("own");
    String before = stored.getString("correctedFrom", stored.getString("cardId"));
    return out.put("cardId", card.id()).put("question", card.question())
        .put("covered", new JsonArray(again.covered())).put("missed", new JsonArray(again.missed()))
        .put("coverage", Math.round(again.coverage() * 1000) / 1000.0)
        .put("structure", new JsonArray(again.structure())).put("metricStated", again.metricStated())
        .put("correctedFrom", before);
  }
}

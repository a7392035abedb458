package dev.cuecard.coach;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** One finished answer, as stored and summarised. */
public record AnswerRecord(String cardId, String question, long shownAt, long startedAt, long endedAt, int words,
                           int wordsPerMinute, int fillers, List<String> covered, List<String> missed,
                           List<String> structure, List<Nudge> nudges, boolean metricStated) {

  public double coverage() {
    int total = covered.size() + missed.size();
    return total == 0 ? 0 : (double) covered.size() / total;
  }

  public JsonObject toJson() {
    JsonArray n = new JsonArray();
    nudges.forEach(x -> n.add(x.toJson()));
    return new JsonObject().put("cardId", cardId).put("question", question).put("shownAt", shownAt)
        .put("startedAt", startedAt).put("endedAt", endedAt).put("words", words)
        .put("wordsPerMinute", wordsPerMinute).put("fillers", fillers).put("covered", new JsonArray(covered))
        .put("missed", new JsonArray(missed)).put("coverage", Math.round(coverage() * 1000) / 1000.0)
        .put("structure", new JsonArray(structure)).put("nudges", n).put("metricStated", metricStated);
  }
}

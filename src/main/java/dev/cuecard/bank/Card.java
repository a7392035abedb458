package dev.cuecard.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One interview question card: what may be asked, how to structure the answer, what a strong
 * answer covers, and what tends to come next.
 */
public record Card(
    String id,
    String bank,
    String question,
    List<String> aliases,
    String category,
    Framework framework,
    String difficulty,
    String answer,
    List<KeyPoint> keyPoints,
    List<String> followUps,
    String clarify,
    List<String> reminders,
    List<String> tags) {

  /** How an answer should be structured. */
  public enum Framework {
    STAR(List.of("Situation", "Task", "Action", "Result")),
    CAR(List.of("Context", "Action", "Result")),
    TECHNICAL(List.of("Definition", "How it works", "Example", "Trade-off")),
    DESIGN(List.of("Requirements", "Components", "Scale", "Trade-offs"));

    private final List<String> steps;

    Framework(List<String> steps) {
      this.steps = steps;
    }

    /** STAR and CAR: a story the candidate tells, ending in a result. */
    public boolean isStory() {
      return this == STAR || this == CAR;
    }

    public List<String> steps() {
      return steps;
    }
  }

  /** A point a strong answer makes, and the words that show it was made. */
  public record KeyPoint(String text, List<String> terms) {
    public JsonObject toJson() {
      return new JsonObject().put("text", text).put("terms", new JsonArray(terms));
    }
  }

  /** Every way the card is asked: its question first, then its aliases. */
  public List<String> phrasings() {
    List<String> out = new java.util.ArrayList<>(1 + aliases.size());
    out.add(question);
    out.addAll(aliases);
    return out;
  }

  /** The card as sent to clients. */
  public JsonObject toJson() {
    JsonArray points = new JsonArray();
    keyPoints.forEach(k -> points.add(k.toJson()));
    JsonObject out = new JsonObject()
        .put("id", id)
        .put("bank", bank)
        .put("question", question)
        .put("aliases", new JsonArray(aliases))
        .put("category", category)
        .put("framework", framework.name())
        .put("steps", new JsonArray(framework.steps()))
        .put("difficulty", difficulty)
        .put("answer", answer)
        .put("opening", Opening.of(this))
        .put("keyPoints", points)
        .put("followUps", new JsonArray(followUps))
        .put("reminders", new JsonArray(reminders))
        .put("tags", new JsonArray(tags));
    if (clarify != null) {
      out.put("clarify", clarify);
    }
    return out;
  }
}

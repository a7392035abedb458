package dev.cuecard.story;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A user's own answer to one card: the points they want to make, in their words, and the phrasing
 * they like to use. Private to the user; the overlay shows it beside the card's own points and
 * follows it as they answer.
 */
public record MyAnswer(String userId, String cardId, List<String> points, String phrasing, long updatedAt) {
  public static final int MAX_POINTS = 12;
  public static final int MAX_POINT = 300;
  public static final int MAX_PHRASING = 2000;
  private static final Set<String> FIELDS = Set.of("cardId", "points", "phrasing", "updatedAt");

  public JsonObject toJson() {
    return new JsonObject().put("cardId", cardId).put("points", new JsonArray(points)).put("phrasing", phrasing)
        .put("updatedAt", updatedAt);
  }

  /**
   * Reads and checks what a user sent for {@code cardId}: {@code points} (up to 12 strings of 1-300
   * characters) and {@code phrasing} (up to 2,000), at least one of them, nothing else. Throws
   * {@link StoryForm.Invalid} naming the field.
   */
  public static MyAnswer read(JsonObject body, String userId, String cardId, long now) {
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        throw new StoryForm.Invalid(name, "unknown field '" + name + "' (your answer has points and phrasing)");
      }
    }
    List<String> points = new ArrayList<>();
    Object p = body.getValue("points");
    if (p != null) {
      if (!(p instanceof JsonArray arr)) {
        throw new StoryForm.Invalid("points", "field 'points' must be an array of strings");
      }
      if (arr.size() > MAX_POINTS) {
        throw new StoryForm.Invalid("points", "field 'points' has " + arr.size() + " entries; at most " + MAX_POINTS);
      }
      for (int i = 0; i < arr.size(); i++) {
        if (!(arr.getValue(i) instanceof String s) || s.isBlank() || s.strip().length() > MAX_POINT) {
          throw new StoryForm.Invalid("points", "point " + (i + 1) + " in field 'points' must be a string of 1-"
              + MAX_POINT + " characters");
        }
        points.add(arr.getString(i).strip());
      }
    }
    Object ph = body.getValue("phrasing");
    if (ph != null && !(ph instanceof String)) {
      throw new StoryForm.Invalid("phrasing", "field 'phrasing' must be a string");
    }
    String phrasing = ph == null ? "" : ((String) ph).strip();
    if (phrasing.length() > MAX_PHRASING) {
      throw new StoryForm.Invalid("phrasing", "field 'phrasing' is " + phrasing.length() + " characters long; at most "
          + MAX_PHRASING);
    }
    if (points.isEmpty() && phrasing.isEmpty()) {
      throw new StoryForm.Invalid("points", "give at least one point or some phrasing (or DELETE to remove your answer)");
    }
    return new MyAnswer(userId, cardId, List.copyOf(points), phrasing, now);
  }
}

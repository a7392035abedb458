package dev.cuecard.story;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * One of a user's own stories for behavioural questions, told in STAR form: what the situation
 * and the task were, what they did, the result, the number that backs it, what they learned, and
 * the competencies it shows. Private to its owner.
 */
public record Story(String id, String userId, String title, String situation, String task, String action,
                    String result, String metric, String lessons, List<Competency> competencies, long createdAt,
                    long updatedAt) {

  /** One thing a telling of the story should say, for coverage: its STAR part, the metric. */
  public record Point(String part, String text) {
  }

  /** The story's own points, in telling order: the parts it has, then its metric. */
  public List<Point> points() {
    List<Point> out = new ArrayList<>();
    add(out, "situation", situation);
    add(out, "task", task);
    add(out, "action", action);
    add(out, "result", result);
    add(out, "metric", metric);
    return out;
  }

  private static void add(List<Point> out, String part, String text) {
    if (!text.isBlank()) {
      out.add(new Point(part, text));
    }
  }

  /** The fields a user wrote, as the API and the files carry them (no owner). */
  public JsonObject toJson() {
    JsonArray comp = new JsonArray();
    competencies.forEach(c -> comp.add(c.wire()));
    return new JsonObject().put("id", id).put("title", title).put("situation", situation).put("task", task)
        .put("action", action).put("result", result).put("metric", metric).put("lessons", lessons)
        .put("competencies", comp).put("createdAt", createdAt).put("updatedAt", updatedAt);
  }

  /** A one-line reminder of each part (its first sentence, shortened), for the overlay. */
  public JsonObject brief() {
    return new JsonObject().put("s", shorten(situation)).put("t", shorten(task)).put("a", shorten(action))
        .put("r", shorten(result));
  }

  static String shorten(String text) {
    String t = text.strip();
    int end = t.indexOf(". ");
    if (end > 0) {
      t = t.substring(0, end);
    }
    if (t.length() > 90) {
      int cut = t.lastIndexOf(' ', 87);
      t = t.substring(0, cut > 40 ? cut : 87) + "…";
    }
    return t;
  }
}

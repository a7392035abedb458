package dev.cuecard.story;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a story as a user sends it (the web form, an imported file) and checks it, naming the
 * field at fault: a title, at least one STAR part, lengths within bounds, known competencies and
 * no unknown fields (a misspelt "situaton" is an error, not silently dropped).
 */
public final class StoryForm {
  public static final int MAX_TITLE = 120;
  public static final int MAX_PART = 2000;
  public static final int MAX_METRIC = 200;
  public static final int MAX_COMPETENCIES = 8;
  private static final List<String> PARTS = List.of("situation", "task", "action", "result");
  private static final Set<String> FIELDS = Set.of("id", "title", "situation", "task", "action", "result", "metric",
      "lessons", "competencies", "createdAt", "updatedAt");

  /** A story that failed a check: {@code field} is the JSON field, {@code message} says what is wrong. */
  public static final class Invalid extends RuntimeException {
    private final String field;

    public Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  private StoryForm() {
  }

  /**
   * The story {@code body} describes, with the given identity and times ({@code id}, {@code createdAt}
   * and {@code updatedAt} in the body are ignored: the server keeps them). Throws {@link Invalid}.
   */
  public static Story read(JsonObject body, String id, String userId, long createdAt, long updatedAt) {
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        throw new Invalid(name, "unknown field '" + name + "' (a story has title, situation, task, action, result,"
            + " metric, lessons and competencies)");
      }
    }
    String title = text(body, "title", MAX_TITLE);
    if (title.isEmpty()) {
      throw new Invalid("title", "field 'title' is required: a few words to recognise the story by");
    }
    List<String> parts = new ArrayList<>();
    for (String p : PARTS) {
      parts.add(text(body, p, MAX_PART));
    }
    if (parts.stream().allMatch(String::isEmpty)) {
      throw new Invalid("situation", "a story needs at least one of situation, task, action and result");
    }
    return new Story(id, userId, title, parts.get(0), parts.get(1), parts.get(2), parts.get(3),
        text(body, "metric", MAX_METRIC), text(body, "lessons", MAX_PART), competencies(body), createdAt, updatedAt);
  }

  private static String text(JsonObject body, String field, int max) {
    Object v = body.getValue(field);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw new Invalid(field, "field '" + field + "' must be a string");
    }
    String t = s.strip();
    if (t.length() > max) {
      throw new Invalid(field, "field '" + field + "' is " + t.length() + " characters long; at most " + max);
    }
    return t;
  }

  private static List<Competency> competencies(JsonObject body) {
    Object v = body.getValue("competencies");
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray arr)) {
      throw new Invalid("competencies", "field 'competencies' must be an array of names");
    }
    if (arr.size() > MAX_COMPETENCIES) {
      throw new Invalid("competencies", "field 'competencies' has " + arr.size() + " entries; at most "
          + MAX_COMPETENCIES);
    }
    List<Competency> out = new ArrayList<>();
    for (Object o : arr) {
      Competency c = o instanceof String s ? Competency.parse(s.strip().toLowerCase(java.util.Locale.ROOT)) : null;
      if (c == null) {
        throw new Invalid("competencies", "unknown competency " + (o instanceof String ? "'" + o + "'" : String.valueOf(o))
            + " in field 'competencies'; known: " + Competency.names());
      }
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}

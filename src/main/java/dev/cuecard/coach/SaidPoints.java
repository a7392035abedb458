package dev.cuecard.coach;

import dev.cuecard.match.TextAnalysis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a user wrote in their own words (a story's parts, their own answer to a card), followed
 * as they speak: a point counts as said once enough of its words have been (half of them, at most
 * three needed, after the same analysis as matching), and a point marked {@code byNumber} also
 * once any of its numbers has.
 */
public final class SaidPoints {
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

  /** One point: a label (a story part, or its position), its text, and whether a number alone says it. */
  public record Point(String label, String text, boolean byNumber) {
  }

  private final List<Point> points;
  private final List<Set<String>> terms = new ArrayList<>();
  private final List<Set<String>> numbers = new ArrayList<>();
  private final long[] coveredAt;
  private final Set<String> said = new HashSet<>();
  private final Set<String> saidNumbers = new HashSet<>();

  public SaidPoints(List<Point> points) {
    this.points = List.copyOf(points);
    for (Point p : points) {
      terms.add(new HashSet<>(TextAnalysis.terms(p.text())));
      numbers.add(p.byNumber() ? numbersIn(p.text()) : Set.of());
    }
    this.coveredAt = new long[points.size()];
  }

  /** Takes a final snippet of the speaker's; true when a point became covered. */
  public boolean heard(String text, long now) {
    said.addAll(TextAnalysis.terms(text));
    saidNumbers.addAll(numbersIn(text));
    boolean changed = false;
    for (int i = 0; i < points.size(); i++) {
      if (coveredAt[i] == 0 && covered(i)) {
        coveredAt[i] = now;
        changed = true;
      }
    }
    return changed;
  }

  private boolean covered(int i) {
    if (numbers.get(i).stream().anyMatch(saidNumbers::contains)) {
      return true;
    }
    Set<String> t = terms.get(i);
    long hits = t.stream().filter(said::contains).count();
    return !t.isEmpty() && hits >= Math.min(3, (t.size() + 1) / 2);
  }

  private static Set<String> numbersIn(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group().replace(',', '.'));
    }
    return out;
  }

  /** {"points": [{"part", "text", "covered", "at"?}], "covered", "total"}. */
  public JsonObject toJson() {
    JsonArray arr = new JsonArray();
    int covered = 0;
    for (int i = 0; i < points.size(); i++) {
      JsonObject p = new JsonObject().put("part", points.get(i).label()).put("text", points.get(i).text())
          .put("covered", coveredAt[i] != 0);
      if (coveredAt[i] != 0) {
        p.put("at", coveredAt[i]);
        covered++;
      }
      arr.add(p);
    }
    return new JsonObject().put("points", arr).put("covered", covered).put("total", points.size());
  }
}

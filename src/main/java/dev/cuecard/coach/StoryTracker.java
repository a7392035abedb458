package dev.cuecard.coach;

import dev.cuecard.match.TextAnalysis;
import dev.cuecard.story.Story;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a telling of one of the user's own stories (pinned for the current answer): each of
 * its points (situation, task, action, result, the metric) counts as said once enough of its
 * words have been (half of them, at most three needed), and the metric also once any of its
 * numbers has. Did you state the result, and the number?
 */
public final class StoryTracker {
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
  private final Story story;
  private final List<Story.Point> points;
  private final List<Set<String>> terms = new ArrayList<>();
  private final List<Set<String>> numbers = new ArrayList<>();
  private final long[] coveredAt;
  private final Set<String> said = new HashSet<>();
  private final Set<String> saidNumbers = new HashSet<>();

  public StoryTracker(Story story) {
    this.story = story;
    this.points = story.points();
    for (Story.Point p : points) {
      terms.add(new HashSet<>(TextAnalysis.terms(p.text())));
      numbers.add(p.part().equals("metric") ? numbersIn(p.text()) : Set.of());
    }
    this.coveredAt = new long[points.size()];
  }

  public Story story() {
    return story;
  }

  /** Takes a final candidate snippet; true when a point became covered. */
  public boolean candidateSaid(String text, long now) {
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

  /** The {@code story} message body: the pinned story's points and which were said. */
  public JsonObject toJson() {
    JsonArray arr = new JsonArray();
    int covered = 0;
    for (int i = 0; i < points.size(); i++) {
      JsonObject p = new JsonObject().put("part", points.get(i).part()).put("text", points.get(i).text())
          .put("covered", coveredAt[i] != 0);
      if (coveredAt[i] != 0) {
        p.put("at", coveredAt[i]);
        covered++;
      }
      arr.add(p);
    }
    return new JsonObject().put("storyId", story.id()).put("title", story.title()).put("points", arr)
        .put("covered", covered).put("total", points.size());
  }
}

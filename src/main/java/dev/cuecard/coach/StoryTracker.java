package dev.cuecard.coach;

import dev.cuecard.story.Story;
import io.vertx.core.json.JsonObject;

/**
 * Follows a telling of one of the user's own stories (pinned for the current answer): its
 * situation, task, action, result and metric ({@link SaidPoints}; the metric also by any of its
 * numbers). Did you state the result, and the number?
 */
public final class StoryTracker {
  private final Story story;
  private final SaidPoints points;

  public StoryTracker(Story story) {
    this.story = story;
    this.points = new SaidPoints(story.points().stream()
        .map(p -> new SaidPoints.Point(p.part(), p.text(), p.part().equals("metric"))).toList());
  }

  public Story story() {
    return story;
  }

  /** Takes a final candidate snippet; true when a point became covered. */
  public boolean candidateSaid(String text, long now) {
    return points.heard(text, now);
  }

  /** The {@code story} message body: the pinned story's points and which were said. */
  public JsonObject toJson() {
    return points.toJson().put("storyId", story.id()).put("title", story.title());
  }
}

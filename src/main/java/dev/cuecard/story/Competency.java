package dev.cuecard.story;

import java.util.List;
import java.util.Locale;

/**
 * What a behavioural story shows. Each competency names the words by which a question asks for
 * it ("tell me about a disagreement" asks for conflict), which is how a cued card finds fitting
 * stories; the words are compared after the same analysis as the cards (stemmed, lower case).
 */
public enum Competency {
  CONFLICT("conflict", "disagree", "disagreement", "argument", "tension", "difficult", "pushback", "clash"),
  FAILURE("failure", "fail", "failed", "wrong", "setback", "lost"),
  LEADERSHIP("leadership", "lead", "led", "leader", "mentor", "team", "guide"),
  DEADLINE("deadline", "pressure", "late", "rush", "tight", "time", "urgent"),
  OWNERSHIP("ownership", "own", "responsibility", "initiative", "accountable", "stepped"),
  FEEDBACK("feedback", "criticism", "review", "critique"),
  INFLUENCE("influence", "persuade", "convince", "stakeholder", "buy", "sell"),
  MISTAKES("mistake", "error", "bug", "outage", "incident", "broke"),
  TEAMWORK("teamwork", "collaborate", "collaboration", "colleague", "together", "cross"),
  AMBIGUITY("ambiguity", "unclear", "ambiguous", "uncertain", "change", "pivot"),
  LEARNING("learning", "learn", "learned", "new", "quickly", "unfamiliar"),
  PRIORITISATION("prioritisation", "prioritise", "prioritize", "priorities", "tradeoff", "juggle"),
  CUSTOMER("customer", "user", "client"),
  IMPACT("impact", "proud", "achievement", "accomplishment", "improved", "project");

  private final List<String> words;

  Competency(String... words) {
    this.words = List.of(words);
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The words by which a question asks for this competency (before analysis). */
  public List<String> words() {
    return words;
  }

  public static Competency parse(String s) {
    for (Competency c : values()) {
      if (c.wire().equals(s)) {
        return c;
      }
    }
    return null;
  }

  public static String names() {
    StringBuilder b = new StringBuilder();
    for (Competency c : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(c.wire());
    }
    return b.toString();
  }
}

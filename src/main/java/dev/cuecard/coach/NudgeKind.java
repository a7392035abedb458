package dev.cuecard.coach;

import java.util.Locale;

/** The kinds of nudge the coach can give; each can be switched off per session. */
public enum NudgeKind {
  /** A STAR/CAR result with no number or metric in it. */
  NO_METRIC,
  /** A design or technical answer that has not named a trade-off. */
  NO_TRADEOFF,
  /** The answer has run past the time budget (2 minutes by default). */
  OVERTIME,
  /** Many filler words in the last 30 seconds. */
  FILLERS,
  /** A key point still missing as the answer nears its time budget. */
  MISSING_POINT,
  /** A design question: ask a clarifying question before diving in. */
  CLARIFY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NudgeKind parse(String s) {
    for (NudgeKind k : values()) {
      if (k.wire().equals(s)) {
        return k;
      }
    }
    return null;
  }
}

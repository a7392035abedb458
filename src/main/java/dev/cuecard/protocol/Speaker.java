package dev.cuecard.protocol;

import java.util.Locale;

/** Whose voice a snippet carries. */
public enum Speaker {
  INTERVIEWER,
  CANDIDATE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire form; null for anything else. */
  public static Speaker parse(String s) {
    if ("interviewer".equals(s)) {
      return INTERVIEWER;
    }
    if ("candidate".equals(s)) {
      return CANDIDATE;
    }
    return null;
  }
}

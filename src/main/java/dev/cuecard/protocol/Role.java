package dev.cuecard.protocol;

import java.util.Locale;

/**
 * A participant's role in a session. The candidate's client may send both speakers (a solo
 * overlay hears both sides); a partner plays the interviewer, so its speech is interviewer
 * speech; an observer only watches.
 */
public enum Role {
  CANDIDATE,
  PARTNER,
  OBSERVER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String s) {
    if (s == null) {
      return null;
    }
    for (Role r : values()) {
      if (r.wire().equals(s)) {
        return r;
      }
    }
    return null;
  }

  /** Whether this role may pick questions, rate answers and leave notes (a practice partner, or the candidate practising alone). */
  public boolean mayCoach() {
    return this != OBSERVER;
  }

  public boolean maySpeakAs(Speaker speaker) {
    return switch (this) {
      case CANDIDATE -> true;
      case PARTNER -> speaker == Speaker.INTERVIEWER;
      case OBSERVER -> false;
    };
  }
}

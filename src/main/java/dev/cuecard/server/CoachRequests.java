package dev.cuecard.server;

import dev.cuecard.protocol.ErrorCode;
import dev.cuecard.protocol.Messages;
import dev.cuecard.protocol.Role;
import io.vertx.core.json.JsonObject;

/**
 * What a client's coaching message (ask, drill, rate, note, settings, pin, mine) asks of its
 * session's room, or the error it gets instead: observers only watch, notes have a configured
 * length, and only the owner's own connections use their stories and answers.
 */
final class CoachRequests {
  /** The room request and its seq (for an ack), or the error to send back. */
  record Request(JsonObject body, Long seq, JsonObject error) {
    static Request refused(ErrorCode code, String message) {
      return new Request(null, null, Messages.error(code, message));
    }
  }

  private CoachRequests() {
  }

  static Request of(Messages.Incoming in, String participantId, Role role, boolean invite, int maxNoteChars) {
    if (!role.mayCoach()) {
      return Request.refused(ErrorCode.FORBIDDEN, "an observer may only watch");
    }
    JsonObject op = new JsonObject().put("participantId", participantId).put("role", role.wire());
    if (in instanceof Messages.Drill dr) {
      return new Request(op.put("op", "drill").put("seq", dr.seq()), dr.seq(), null);
    } else if (in instanceof Messages.Ask a) {
      return new Request(op.put("op", "ask").put("cardId", a.cardId()).put("seq", a.seq()), a.seq(), null);
    } else if (in instanceof Messages.Rate r) {
      return tooLong(r.note(), maxNoteChars) ? noteRefused(maxNoteChars)
          : new Request(op.put("op", "rate").put("score", r.score()).put("note", r.note()), null, null);
    } else if (in instanceof Messages.Note n) {
      return tooLong(n.text(), maxNoteChars) ? noteRefused(maxNoteChars)
          : new Request(op.put("op", "note").put("text", n.text()), null, null);
    } else if (in instanceof Messages.Pin || in instanceof Messages.Mine) {
      if (invite) {
        return Request.refused(ErrorCode.FORBIDDEN, "only the session's owner uses their own stories and answers");
      }
      return new Request(in instanceof Messages.Pin pin ? op.put("op", "pin").put("storyId", pin.storyId())
          : op.put("op", "mine"), null, null);
    } else if (in instanceof Messages.Settings st) {
      JsonObject nudges = new JsonObject();
      st.nudges().forEach(nudges::put);
      return new Request(op.put("op", "settings").put("nudges", nudges), null, null);
    }
    throw new IllegalArgumentException("not a coaching message: " + in);
  }

  /** limits.maxNoteChars, which may be below the protocol's own cap. */
  private static boolean tooLong(String text, int max) {
    return text != null && text.length() > max;
  }

  private static Request noteRefused(int max) {
    return Request.refused(ErrorCode.INVALID_MESSAGE, "a note may be at most " + max + " characters");
  }
}

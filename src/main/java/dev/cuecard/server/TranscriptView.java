package dev.cuecard.server;

import dev.cuecard.store.Coaching;
import dev.cuecard.store.Records.Cue;
import dev.cuecard.store.Records.Participant;
import dev.cuecard.store.Records.Session;
import dev.cuecard.store.Records.Utterance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One session's record as a timeline, written as JSON or Markdown (the transcript download and the data export). */
record TranscriptView(Session session, List<Utterance> utterances, List<Cue> cues, List<Participant> participants,
                      List<Coaching.Rating> ratings, List<Coaching.Note> notes) {

  static Future<TranscriptView> load(Services s, Session session) {
    return Future.all(List.of(
            s.transcripts().utterances(session.id()),
            s.transcripts().cues(session.id()),
            s.sessions().participants(session.id()),
            s.coaching().ratings(session.id()),
            s.coaching().notes(session.id())))
        .map(all -> new TranscriptView(session, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
            all.resultAt(4)));
  }

  /**
   * Utterances in time order, each cue placed right after the interviewer utterance it answered:
   * the first one stored at or after the cue was shown (a cue can fire on an interim snippet,
   * before the question's final text arrives). Cues with no such utterance come last; partner
   * ratings and notes slot in by time.
   */
  List<Object> timeline() {
    List<Object> out = new ArrayList<>();
    int j = 0;
    for (Utterance u : utterances) {
      out.add(u);
      if (u.speaker().equals("interviewer") && u.echoOf() == null) {
        while (j < cues.size() && cues.get(j).shownAt() <= u.receivedAt()) {
          out.add(cues.get(j++));
        }
      }
    }
    out.addAll(cues.subList(j, cues.size()));
    List<Object> extras = new ArrayList<>(ratings);
    extras.addAll(notes);
    extras.sort((a, b) -> Long.compare(at(a), at(b)));
    List<Object> merged = new ArrayList<>();
    int k = 0;
    for (Object o : out) {
      while (k < extras.size() && at(extras.get(k)) < at(o)) {
        merged.add(extras.get(k++));
      }
      merged.add(o);
    }
    merged.addAll(extras.subList(k, extras.size()));
    return merged;
  }

  private static long at(Object o) {
    if (o instanceof Utterance u) {
      return u.receivedAt();
    } else if (o instanceof Cue c) {
      return c.shownAt();
    } else if (o instanceof Coaching.Rating r) {
      return r.at();
    }
    return ((Coaching.Note) o).at();
  }

  JsonObject json() {
    Map<String, String> roles = new HashMap<>();
    participants.forEach(p -> roles.put(p.id(), p.role()));
    JsonArray items = new JsonArray();
    for (Object o : timeline()) {
      if (o instanceof Utterance u) {
        items.add(new JsonObject().put("kind", "utterance").put("at", u.receivedAt()).put("speaker", u.speaker())
            .put("text", u.text()).put("participantId", u.participantId()).put("role", roles.get(u.participantId()))
            .put("seq", u.seq()).put("ts", u.clientTs()).put("echoOf", u.echoOf()));
      } else if (o instanceof Cue c) {
        items.add(new JsonObject().put("kind", c.followUp() ? "followup" : "cue").put("at", c.shownAt())
            .put("cardId", c.cardId())
            .put("question", c.question()).put("heard", c.heard()).put("score", c.score()).put("source", c.source()));
      } else if (o instanceof Coaching.Rating r) {
        items.add(r.toJson().put("kind", "rating"));
      } else if (o instanceof Coaching.Note n) {
        items.add(n.toJson().put("kind", "note"));
      }
    }
    return SessionRoutes.json(session).put("items", items);
  }

  /** Every piece of user text goes through {@link MarkdownText#escape}, the title included. */
  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(MarkdownText.escape(session.title())).append("\n\n");
    sb.append("Started ").append(Instant.ofEpochMilli(session.createdAt())).append("\n\n");
    for (Object o : timeline()) {
      if (o instanceof Utterance u) {
        String who = u.speaker().equals("interviewer") ? "Interviewer" : "Candidate";
        String echo = u.echoOf() == null ? "" : " _(echo of the " + u.echoOf() + ", merged)_";
        sb.append("**").append(who).append(":** ").append(MarkdownText.escape(u.text())).append(echo).append("\n\n");
      } else if (o instanceof Cue c && c.followUp()) {
        sb.append("> Follow-up: ").append(MarkdownText.escape(c.question())).append(" (on card ")
            .append(MarkdownText.escape(c.cardId())).append(")\n\n");
      } else if (o instanceof Cue c) {
        sb.append("> Cue card: ").append(MarkdownText.escape(c.question())).append(" (card ")
            .append(MarkdownText.escape(c.cardId())).append(")\n\n");
      } else if (o instanceof Coaching.Rating r) {
        sb.append("> Partner rating: ").append(r.score()).append("/5")
            .append(r.note() == null ? "" : " — " + MarkdownText.escape(r.note())).append("\n\n");
      } else if (o instanceof Coaching.Note n) {
        sb.append("> Note: ").append(MarkdownText.escape(n.text())).append("\n\n");
      }
    }
    return sb.toString();
  }
}

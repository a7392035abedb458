package dev.cuecard.server;

import dev.cuecard.store.Coaching;
import dev.cuecard.store.Records.Cue;
import dev.cuecard.store.Records.Session;
import dev.cuecard.store.Records.Utterance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Builds GET /api/sessions/{id}/summary: answers with ratings, notes, and session totals. */
final class Summary {
  private Summary() {
  }

  static JsonObject of(Session session, List<JsonObject> answers, List<Coaching.Rating> ratings,
                       List<Coaching.Note> notes, List<Utterance> utterances, List<Cue> cues) {
    JsonArray out = new JsonArray();
    double coverage = 0;
    long wpmSum = 0;
    int wpmCount = 0;
    int fillers = 0;
    for (JsonObject a : answers) {
      JsonArray rs = new JsonArray();
      for (Coaching.Rating r : ratings) {
        if (r.cardId().equals(a.getString("cardId")) && r.cardShownAt() == a.getLong("shownAt")) {
          rs.add(r.toJson());
        }
      }
      out.add(a.copy().put("ratings", rs));
      coverage += a.getDouble("coverage");
      fillers += a.getInteger("fillers");
      if (a.getInteger("wordsPerMinute") > 0) {
        wpmSum += a.getInteger("wordsPerMinute");
        wpmCount++;
      }
    }
    int interviewerWords = 0;
    int candidateWords = 0;
    for (Utterance u : utterances) {
      if (u.echoOf() != null) {
        continue; // the other speaker's words heard again are not talk of this speaker
      }
      int w = u.text().isBlank() ? 0 : u.text().trim().split("\\s+").length;
      if (u.speaker().equals("interviewer")) {
        interviewerWords += w;
      } else {
        candidateWords += w;
      }
    }
    int words = interviewerWords + candidateWords;
    JsonArray ns = new JsonArray();
    notes.forEach(n -> ns.add(n.toJson()));
    JsonObject totals = new JsonObject()
        .put("questionsAsked", cues.stream().filter(c -> !c.followUp()).count())
        .put("followUps", cues.stream().filter(Cue::followUp).count())
        .put("answers", answers.size())
        .put("averageCoverage", answers.isEmpty() ? 0 : round(coverage / answers.size()))
        .put("averageWordsPerMinute", wpmCount == 0 ? 0 : Math.round((double) wpmSum / wpmCount))
        .put("fillers", fillers)
        .put("ratings", ratings.size())
        .put("averageRating", ratings.isEmpty() ? null
            : round(ratings.stream().mapToInt(Coaching.Rating::score).average().orElse(0)))
        .put("talk", new JsonObject()
            .put("interviewerWords", interviewerWords)
            .put("candidateWords", candidateWords)
            .put("candidateShare", words == 0 ? 0 : round((double) candidateWords / words)));
    return SessionRoutes.json(session).put("answers", out).put("notes", ns).put("totals", totals);
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}

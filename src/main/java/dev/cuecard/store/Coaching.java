package dev.cuecard.store;

import dev.cuecard.coach.AnswerRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Answers with their coaching figures, partner ratings and notes, and per-session settings. */
public final class Coaching {
  private final Database db;
  private final boolean discardWrites;
  private final int maxNotes;

  /**
   * With {@code discardWrites} (benchmarks only), finished answers are not stored; a session
   * holds at most {@code maxNotes} notes.
   */
  public Coaching(Database db, boolean discardWrites, int maxNotes) {
    this.db = db;
    this.discardWrites = discardWrites;
    this.maxNotes = maxNotes;
  }

  /** A partner's rating of the answer to the card shown at {@code cardShownAt}. */
  public record Rating(String participantId, String cardId, long cardShownAt, int score, String note, long at) {
    public JsonObject toJson() {
      return new JsonObject().put("participantId", participantId).put("cardId", cardId)
          .put("cardShownAt", cardShownAt).put("score", score).put("note", note).put("at", at);
    }
  }

  public record Note(String participantId, String text, long at) {
    public JsonObject toJson() {
      return new JsonObject().put("participantId", participantId).put("text", text).put("at", at);
    }
  }

  public Future<Void> addAnswer(String sessionId, AnswerRecord a) {
    return addAnswer(sessionId, a, null);
  }

  /**
   * Stores a finished answer; {@code own} (or null) is what the owner's own material added to it
   * (the pinned story's and their own answer's coverage), kept in the detail for their review.
   */
  public Future<Void> addAnswer(String sessionId, AnswerRecord a, JsonObject own) {
    if (discardWrites) {
      return Future.succeededFuture();
    }
    JsonObject detail = a.toJson();
    if (own != null) {
      detail.put("own", own);
    }
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO answers (session_id, card_id, question, shown_at, started_at, ended_at, words, wpm, fillers,"
              + " coverage, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, sessionId);
        ps.setString(2, a.cardId());
        ps.setString(3, a.question());
        ps.setLong(4, a.shownAt());
        ps.setLong(5, a.startedAt());
        ps.setLong(6, a.endedAt());
        ps.setInt(7, a.words());
        ps.setInt(8, a.wordsPerMinute());
        ps.setInt(9, a.fillers());
        ps.setDouble(10, a.coverage());
        ps.setString(11, detail.encode());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Replaces the stored answer to the card shown at {@code shownAt} with {@code detail} (its card,
   * question and coverage with it): an answer scored again against the card the user says was
   * asked. The partner's ratings of that answer move with it. The number of answers replaced (0
   * when none was stored).
   */
  public Future<Integer> replaceAnswer(String sessionId, long shownAt, JsonObject detail) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
               "UPDATE answers SET card_id = ?, question = ?, coverage = ?, detail = ? WHERE session_id = ? AND shown_at = ?");
           PreparedStatement rated = c.prepareStatement(
               "UPDATE ratings SET card_id = ? WHERE session_id = ? AND card_shown_at = ?")) {
        ps.setString(1, detail.getString("cardId"));
        ps.setString(2, detail.getString("question"));
        ps.setDouble(3, detail.getDouble("coverage"));
        ps.setString(4, detail.encode());
        ps.setString(5, sessionId);
        ps.setLong(6, shownAt);
        int n = ps.executeUpdate();
        if (n > 0) {
          rated.setString(1, detail.getString("cardId"));
          rated.setString(2, sessionId);
          rated.setLong(3, shownAt);
          rated.executeUpdate();
        }
        return n;
      }
    });
  }

  /** Whether the answer to the card shown at {@code shownAt} (epoch ms) was stored. */
  public Future<Boolean> answered(String sessionId, long shownAt) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM answers WHERE session_id = ? AND shown_at = ? LIMIT 1")) {
        ps.setString(1, sessionId);
        ps.setLong(2, shownAt);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Stored answers of a session in order, as JSON (see AnswerRecord#toJson). */
  public Future<List<JsonObject>> answers(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT detail FROM answers WHERE session_id = ? ORDER BY shown_at, id")) {
        ps.setString(1, sessionId);
        List<JsonObject> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new JsonObject(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  public Future<Void> addRating(String sessionId, Rating r) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO ratings (session_id, participant_id, card_id, card_shown_at, score, note, at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, sessionId);
        ps.setString(2, r.participantId());
        ps.setString(3, r.cardId());
        ps.setLong(4, r.cardShownAt());
        ps.setInt(5, r.score());
        if (r.note() == null) {
          ps.setNull(6, Types.VARCHAR);
        } else {
          ps.setString(6, r.note());
        }
        ps.setLong(7, r.at());
        ps.executeUpdate();
      }
      return null;
    });
  }

  public Future<List<Rating>> ratings(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT participant_id, card_id, card_shown_at, score, note, at FROM ratings WHERE session_id = ?"
              + " ORDER BY at, id")) {
        ps.setString(1, sessionId);
        List<Rating> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Rating(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                rs.getLong(6)));
          }
        }
        return out;
      }
    });
  }

  /** Stores a note; fails with {@link LimitReachedException} when the session already holds the most allowed. */
  public Future<Void> addNote(String sessionId, Note n) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO notes (session_id, participant_id, text, at) SELECT ?, ?, ?, ? "
              + "WHERE (SELECT COUNT(*) FROM notes WHERE session_id = ?) < ?")) {
        ps.setString(1, sessionId);
        ps.setString(2, n.participantId());
        ps.setString(3, n.text());
        ps.setLong(4, n.at());
        ps.setString(5, sessionId);
        ps.setInt(6, maxNotes);
        if (ps.executeUpdate() == 0) {
          throw new LimitReachedException("this session already has " + maxNotes + " notes (limits.notesPerSession)");
        }
      }
      return null;
    });
  }

  public Future<List<Note>> notes(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT participant_id, text, at FROM notes WHERE session_id = ? ORDER BY at, id")) {
        ps.setString(1, sessionId);
        List<Note> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Note(rs.getString(1), rs.getString(2), rs.getLong(3)));
          }
        }
        return out;
      }
    });
  }

  /** The session's settings object ({} when none were saved). */
  public Future<JsonObject> settings(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT settings FROM sessions WHERE id = ?")) {
        ps.setString(1, sessionId);
        try (ResultSet rs = ps.executeQuery()) {
          String s = rs.next() ? rs.getString(1) : null;
          return s == null ? new JsonObject() : new JsonObject(s);
        }
      }
    });
  }

  public Future<Void> saveSettings(String sessionId, JsonObject settings) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET settings = ? WHERE id = ?")) {
        ps.setString(1, settings.encode());
        ps.setString(2, sessionId);
        ps.executeUpdate();
      }
      return null;
    });
  }

}

package dev.cuecard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A user's answers across all their sessions, oldest first: what drills are scheduled from. */
public final class DrillHistory {
  /** One answer: the card, when it was asked, coverage, the points missed, the partner's rating (or null). */
  public record Answer(String cardId, String question, long shownAt, double coverage, List<String> missed,
                       Double rating) {
  }

  private final Database db;

  public DrillHistory(Database db) {
    this.db = db;
  }

  public Future<List<Answer>> answers(String userId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT a.card_id, a.question, a.shown_at, a.coverage, a.detail,"
              + " (SELECT AVG(r.score) FROM ratings r WHERE r.session_id = a.session_id AND r.card_id = a.card_id"
              + " AND r.card_shown_at = a.shown_at) AS rating"
              + " FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.owner_id = ?"
              + " ORDER BY a.shown_at, a.id")) {
        ps.setString(1, userId);
        List<Answer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            JsonArray missed = new JsonObject(rs.getString(5)).getJsonArray("missed", new JsonArray());
            List<String> m = new ArrayList<>();
            missed.forEach(o -> m.add(String.valueOf(o)));
            double rating = rs.getDouble(6);
            out.add(new Answer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4), m,
                rs.wasNull() ? null : rating));
          }
        }
        return out;
      }
    });
  }
}

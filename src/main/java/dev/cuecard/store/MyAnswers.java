package dev.cuecard.store;

import dev.cuecard.story.MyAnswer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users' own answers to cards, one per user and card; every read and write names the owner. */
public final class MyAnswers {
  private final Database db;

  public MyAnswers(Database db) {
    this.db = db;
  }

  public Future<Optional<MyAnswer>> get(String userId, String cardId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT user_id, card_id, body, updated_at FROM my_answers WHERE user_id = ? AND card_id = ?")) {
        ps.setString(1, userId);
        ps.setString(2, cardId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(answer(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Every card the user answered in their own words, by card id. */
  public Future<List<MyAnswer>> list(String userId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT user_id, card_id, body, updated_at FROM my_answers WHERE user_id = ? ORDER BY card_id")) {
        ps.setString(1, userId);
        List<MyAnswer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(answer(rs));
          }
        }
        return out;
      }
    });
  }

  /** Stores the answer, replacing the user's earlier one for the card. */
  public Future<MyAnswer> put(MyAnswer a) {
    return db.tx(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM my_answers WHERE user_id = ? AND card_id = ?");
           PreparedStatement ins = c.prepareStatement(
               "INSERT INTO my_answers (user_id, card_id, body, updated_at) VALUES (?, ?, ?, ?)")) {
        del.setString(1, a.userId());
        del.setString(2, a.cardId());
        del.executeUpdate();
        ins.setString(1, a.userId());
        ins.setString(2, a.cardId());
        ins.setString(3, a.toJson().encode());
        ins.setLong(4, a.updatedAt());
        ins.executeUpdate();
      }
      return a;
    });
  }

  public Future<Boolean> delete(String userId, String cardId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM my_answers WHERE user_id = ? AND card_id = ?")) {
        ps.setString(1, userId);
        ps.setString(2, cardId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static MyAnswer answer(ResultSet rs) throws SQLException {
    return MyAnswer.read(new JsonObject(rs.getString("body")), rs.getString("user_id"), rs.getString("card_id"),
        rs.getLong("updated_at"));
  }
}

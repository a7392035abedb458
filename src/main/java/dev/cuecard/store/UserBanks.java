package dev.cuecard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users' own question banks, each stored whole as its bank file (JSON, checked before it is
 * stored). Every read and write names the owner.
 */
public final class UserBanks {
  /** One stored bank: its name, its bank file, when it last changed. */
  public record Stored(String bank, JsonObject body, long updatedAt) {
  }

  private final Database db;

  public UserBanks(Database db) {
    this.db = db;
  }

  public Future<List<Stored>> list(String userId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT bank, body, updated_at FROM user_banks WHERE user_id = ? ORDER BY bank")) {
        ps.setString(1, userId);
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Stored(rs.getString(1), new JsonObject(rs.getString(2)), rs.getLong(3)));
          }
        }
        return out;
      }
    });
  }

  public Future<Optional<Stored>> get(String userId, String bank) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT bank, body, updated_at FROM user_banks WHERE user_id = ? AND bank = ?")) {
        ps.setString(1, userId);
        ps.setString(2, bank);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new Stored(rs.getString(1), new JsonObject(rs.getString(2)), rs.getLong(3)))
              : Optional.empty();
        }
      }
    });
  }

  /**
   * Stores the bank: {@code create} adds it (false when the user already has one of that name),
   * otherwise it replaces an existing one (false when there is none).
   */
  public Future<Boolean> put(String userId, String bank, JsonObject body, long now, boolean create, int maxBanks) {
    return db.tx(c -> {
      boolean exists;
      int count;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*), SUM(CASE WHEN bank = ? THEN 1 ELSE 0 END) FROM user_banks WHERE user_id = ?")) {
        ps.setString(1, bank);
        ps.setString(2, userId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          count = rs.getInt(1);
          exists = rs.getInt(2) > 0;
        }
      }
      if (create == exists) {
        return false;
      }
      if (create && count >= maxBanks) {
        throw new LimitReachedException("you have " + maxBanks + " banks (limits.banksPerUser); delete one to add"
            + " another");
      }
      String sql = create ? "INSERT INTO user_banks (body, updated_at, user_id, bank) VALUES (?, ?, ?, ?)"
          : "UPDATE user_banks SET body = ?, updated_at = ? WHERE user_id = ? AND bank = ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, body.encode());
        ps.setLong(2, now);
        ps.setString(3, userId);
        ps.setString(4, bank);
        ps.executeUpdate();
      }
      return true;
    });
  }

  public Future<Boolean> delete(String userId, String bank) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_banks WHERE user_id = ? AND bank = ?")) {
        ps.setString(1, userId);
        ps.setString(2, bank);
        return ps.executeUpdate() == 1;
      }
    });
  }
}

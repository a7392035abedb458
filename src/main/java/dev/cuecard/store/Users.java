package dev.cuecard.store;

import dev.cuecard.store.Records.User;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The users table. */
public final class Users {
  private final Database db;

  public Users(Database db) {
    this.db = db;
  }

  /** Inserts a user; resolves to false when the username is taken. */
  public Future<Boolean> create(User u) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO users (id, username, password_hash, created_at) VALUES (?, ?, ?, ?) "
              + "ON CONFLICT (username) DO NOTHING")) {
        ps.setString(1, u.id());
        ps.setString(2, u.username());
        ps.setString(3, u.passwordHash());
        ps.setLong(4, u.createdAt());
        return ps.executeUpdate() == 1;
      }
    });
  }

  public Future<Optional<User>> byUsername(String username) {
    return one("username", username);
  }

  public Future<Optional<User>> byId(String id) {
    return one("id", id);
  }

  private Future<Optional<User>> one(String column, String value) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, username, password_hash, created_at FROM users WHERE " + column + " = ?")) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
              : Optional.empty();
        }
      }
    });
  }
}

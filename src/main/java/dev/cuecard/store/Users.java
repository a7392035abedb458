package dev.cuecard.store;

import dev.cuecard.store.Records.User;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts: the users table, token revocation, one-time signup codes, and deleting an account whole. */
public final class Users {
  private final Database db;

  public Users(Database db) {
    this.db = db;
  }

  /** What decides whether an account's tokens still work: its version and its logged-out token ids. */
  public record TokenState(int version, Set<String> revoked) {
  }

  /**
   * Inserts a user; resolves to false when the username is taken. With a signup code hash, the
   * code is spent in the same transaction, and an unusable code fails with {@link BadCodeException}.
   */
  public Future<Boolean> create(User u, String codeHash) {
    // one statement needs no transaction of its own (and SQLite reports a full disk plainly outside one)
    return codeHash == null ? db.call(c -> insert(c, u)) : db.tx(c -> {
      if (codeHash != null) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE signup_codes SET used_at = ?, used_by = ? "
            + "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")) {
          ps.setLong(1, u.createdAt());
          ps.setString(2, u.id());
          ps.setString(3, codeHash);
          ps.setLong(4, u.createdAt());
          if (ps.executeUpdate() != 1) {
            throw new BadCodeException();
          }
        }
      }
      if (insert(c, u)) {
        return true;
      }
      c.rollback(); // the name was taken: keep the code for another try
      return false;
    });
  }

  private static boolean insert(Connection c, User u) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO users (id, username, password_hash, created_at, token_version) VALUES (?, ?, ?, ?, 0) "
            + "ON CONFLICT (username) DO NOTHING")) {
      ps.setString(1, u.id());
      ps.setString(2, u.username());
      ps.setString(3, u.passwordHash());
      ps.setLong(4, u.createdAt());
      return ps.executeUpdate() == 1;
    }
  }

  /** A signup code that does not exist, was used, or expired. */
  public static final class BadCodeException extends RuntimeException {
    BadCodeException() {
      super("the signup code is unknown, used or expired", null, false, false);
    }
  }

  public Future<Void> addSignupCode(String codeHash, long now, long expiresAt) {
    return db.call(c -> {
      insertSignupCode(c, codeHash, now, expiresAt);
      return null;
    });
  }

  static void insertSignupCode(Connection c, String codeHash, long now, long expiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO signup_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)")) {
      ps.setString(1, codeHash);
      ps.setLong(2, now);
      ps.setLong(3, expiresAt);
      ps.executeUpdate();
    }
  }

  /** Whether any account exists yet (the first-run check of local access). */
  public Future<Boolean> any() {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users LIMIT 1");
           ResultSet rs = ps.executeQuery()) {
        return rs.next();
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
          "SELECT id, username, password_hash, created_at, token_version FROM users WHERE " + column + " = ?")) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5)))
              : Optional.empty();
        }
      }
    });
  }

  /** Stores a new password hash and ends every token issued before; resolves to the new token version. */
  public Future<Integer> changePassword(String userId, String hash) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET password_hash = ?, token_version = token_version + 1 WHERE id = ?")) {
        ps.setString(1, hash);
        ps.setString(2, userId);
        ps.executeUpdate();
      }
      return version(c, userId);
    });
  }

  /** Ends every token of the account issued so far; resolves to the new token version. */
  public Future<Integer> revokeAll(String userId) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE users SET token_version = token_version + 1 WHERE id = ?")) {
        ps.setString(1, userId);
        ps.executeUpdate();
      }
      return version(c, userId);
    });
  }

  private static int version(Connection c, String userId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT token_version FROM users WHERE id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no user " + userId);
        }
        return rs.getInt(1);
      }
    }
  }

  /** Logs one token out until it would have expired anyway (expired entries are cleared on the way). */
  public Future<Void> revokeToken(String jti, String userId, long expiresAtMillis, long now) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO revoked_tokens (jti, user_id, expires_at) "
          + "VALUES (?, ?, ?) ON CONFLICT (jti) DO NOTHING")) {
        ps.setString(1, jti);
        ps.setString(2, userId);
        ps.setLong(3, expiresAtMillis);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM revoked_tokens WHERE expires_at < ?")) {
        ps.setLong(1, now);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** The account's token state, or empty when the account no longer exists. */
  public Future<Optional<TokenState>> tokenState(String userId, long now) {
    return db.call(c -> {
      int version;
      try (PreparedStatement ps = c.prepareStatement("SELECT token_version FROM users WHERE id = ?")) {
        ps.setString(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          version = rs.getInt(1);
        }
      }
      Set<String> revoked = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT jti FROM revoked_tokens WHERE user_id = ? AND expires_at >= ?")) {
        ps.setString(1, userId);
        ps.setLong(2, now);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            revoked.add(rs.getString(1));
          }
        }
      }
      return Optional.of(new TokenState(version, revoked));
    });
  }

  /**
   * Deletes the account and everything it owns (sessions with their participants, transcripts,
   * cues, answers, ratings, notes and invites; its logged-out token ids) in one transaction:
   * either all of it goes or none. Resolves to the ids of the deleted sessions.
   */
  public Future<List<String>> delete(String userId) {
    return db.tx(c -> {
      List<String> sessions = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sessions WHERE owner_id = ?")) {
        ps.setString(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sessions.add(rs.getString(1));
          }
        }
      }
      String owned = "session_id IN (SELECT id FROM sessions WHERE owner_id = ?)";
      for (String table : List.of("notes", "ratings", "answers", "cues", "utterances", "invites", "participants")) {
        update(c, "DELETE FROM " + table + " WHERE " + owned, userId);
      }
      update(c, "DELETE FROM sessions WHERE owner_id = ?", userId);
      update(c, "DELETE FROM stories WHERE user_id = ?", userId);
      update(c, "DELETE FROM my_answers WHERE user_id = ?", userId);
      update(c, "DELETE FROM user_banks WHERE user_id = ?", userId);
      update(c, "DELETE FROM remembered_wordings WHERE user_id = ?", userId);
      update(c, "DELETE FROM revoked_tokens WHERE user_id = ?", userId);
      update(c, "UPDATE signup_codes SET used_by = NULL WHERE used_by = ?", userId);
      update(c, "DELETE FROM users WHERE id = ?", userId);
      return sessions;
    });
  }

  private static void update(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.executeUpdate();
    }
  }
}

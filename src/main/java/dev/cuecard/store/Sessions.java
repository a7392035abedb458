package dev.cuecard.store;

import dev.cuecard.store.Records.Participant;
import dev.cuecard.store.Records.Session;
import io.vertx.core.Future;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Practice sessions and their participants. */
public final class Sessions {
  private final Database db;

  public Sessions(Database db) {
    this.db = db;
  }

  /**
   * Creates a session unless the owner created {@code perHour} in the last hour; then fails with
   * {@link LimitReachedException} whose message says when the next one may be made.
   */
  public Future<Session> create(String ownerId, String title, long now, int perHour) {
    Session s = new Session(UUID.randomUUID().toString(), ownerId, title, now);
    long hourAgo = now - 3_600_000;
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO sessions (id, owner_id, title, created_at) SELECT ?, ?, ?, ? "
              + "WHERE (SELECT COUNT(*) FROM sessions WHERE owner_id = ? AND created_at > ?) < ?")) {
        ps.setString(1, s.id());
        ps.setString(2, s.ownerId());
        ps.setString(3, s.title());
        ps.setLong(4, s.createdAt());
        ps.setString(5, ownerId);
        ps.setLong(6, hourAgo);
        ps.setInt(7, perHour);
        if (ps.executeUpdate() == 1) {
          return s;
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT MIN(created_at) FROM sessions WHERE owner_id = ? AND created_at > ?")) {
        ps.setString(1, ownerId);
        ps.setLong(2, hourAgo);
        try (ResultSet rs = ps.executeQuery()) {
          long oldest = rs.next() ? rs.getLong(1) : now;
          long wait = Math.max(1, (oldest + 3_600_000 - now + 999) / 1000);
          throw new LimitReachedException("you created " + perHour + " sessions in the last hour"
              + " (limits.sessionsPerHour); the next one is possible in " + wait + " s", wait);
        }
      }
    });
  }

  public Future<Optional<Session>> get(String id) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, owner_id, title, created_at FROM sessions WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(session(rs)) : Optional.empty();
        }
      }
    });
  }

  public Future<List<Session>> byOwner(String ownerId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, owner_id, title, created_at FROM sessions WHERE owner_id = ? ORDER BY created_at DESC, id")) {
        ps.setString(1, ownerId);
        List<Session> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(session(rs));
          }
        }
        return out;
      }
    });
  }

  /** Deletes a session and (by cascade) everything recorded in it. */
  public Future<Boolean> delete(String id) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
        ps.setString(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** The participant for this user and role in the session, created on first use. */
  public Future<Participant> participant(String sessionId, String userId, String role, String name, long now) {
    return db.tx(c -> {
      // one statement, so two nodes (or two pooled connections) joining at once agree on one row
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO participants (id, session_id, user_id, role, name, created_at) VALUES (?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (session_id, user_id, role) DO NOTHING")) {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, sessionId);
        ps.setString(3, userId);
        ps.setString(4, role);
        ps.setString(5, name);
        ps.setLong(6, now);
        ps.executeUpdate();
      }
      return findParticipant(c, sessionId, userId, role)
          .orElseThrow(() -> new SQLException("participant row missing after insert"));
    });
  }

  public Future<List<Participant>> participants(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, session_id, user_id, role, name FROM participants WHERE session_id = ? ORDER BY created_at, id")) {
        ps.setString(1, sessionId);
        List<Participant> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(participant(rs));
          }
        }
        return out;
      }
    });
  }

  private static Optional<Participant> findParticipant(Connection c, String sessionId, String userId, String role)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, session_id, user_id, role, name FROM participants WHERE session_id = ? AND user_id = ? AND role = ?")) {
      ps.setString(1, sessionId);
      ps.setString(2, userId);
      ps.setString(3, role);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(participant(rs)) : Optional.empty();
      }
    }
  }

  private static Participant participant(ResultSet rs) throws SQLException {
    return new Participant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }

  private static Session session(ResultSet rs) throws SQLException {
    return new Session(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
  }
}

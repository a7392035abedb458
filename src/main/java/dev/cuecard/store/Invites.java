package dev.cuecard.store;

import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Partner invites: short-lived, scoped to one session and role, revocable by the owner. */
public final class Invites {
  private final Database db;

  public record Invite(String id, String sessionId, String role, long createdAt, long expiresAt, Long revokedAt) {
    public boolean usable(long now) {
      return revokedAt == null && now < expiresAt;
    }
  }

  public Invites(Database db) {
    this.db = db;
  }

  /** Stores an invite unless its session already has {@code maxOpen} usable ones ({@link LimitReachedException}). */
  public Future<Void> create(Invite i, int maxOpen) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO invites (id, session_id, role, created_at, expires_at) SELECT ?, ?, ?, ?, ? WHERE "
              + "(SELECT COUNT(*) FROM invites WHERE session_id = ? AND revoked_at IS NULL AND expires_at > ?) < ?")) {
        ps.setString(1, i.id());
        ps.setString(2, i.sessionId());
        ps.setString(3, i.role());
        ps.setLong(4, i.createdAt());
        ps.setLong(5, i.expiresAt());
        ps.setString(6, i.sessionId());
        ps.setLong(7, i.createdAt());
        ps.setInt(8, maxOpen);
        if (ps.executeUpdate() == 0) {
          throw new LimitReachedException("this session already has " + maxOpen
              + " open invites (limits.invitesPerSession); revoke one first");
        }
      }
      return null;
    });
  }

  /** Whether the invite exists for that session and is neither revoked nor expired. */
  public Future<Boolean> usable(String id, String sessionId, long now) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM invites WHERE id = ? AND session_id = ? AND revoked_at IS NULL AND expires_at > ?")) {
        ps.setString(1, id);
        ps.setString(2, sessionId);
        ps.setLong(3, now);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  public Future<List<Invite>> bySession(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, session_id, role, created_at, expires_at, revoked_at FROM invites WHERE session_id = ?"
              + " ORDER BY created_at DESC, id")) {
        ps.setString(1, sessionId);
        List<Invite> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long revokedAt = rs.getLong(6);
            Long revoked = rs.wasNull() ? null : revokedAt;
            out.add(new Invite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                revoked));
          }
        }
        return out;
      }
    });
  }

  /** Revokes an invite of that session; false when there is no such invite. */
  public Future<Boolean> revoke(String id, String sessionId, long now) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND session_id = ?")) {
        ps.setLong(1, now);
        ps.setString(2, id);
        ps.setString(3, sessionId);
        return ps.executeUpdate() == 1;
      }
    });
  }
}

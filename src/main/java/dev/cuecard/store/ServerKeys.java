package dev.cuecard.store;

import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Secrets kept in the store, so every node of a cluster reads the same one. */
public final class ServerKeys {
  private final Database db;

  public ServerKeys(Database db) {
    this.db = db;
  }

  /**
   * The secret named {@code name}: the stored one, or {@code candidate} when none was stored yet.
   * Nodes starting together agree: the first insert wins and everyone reads it back.
   */
  public Future<String> getOrCreate(String name, String candidate, long now) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO server_keys (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, candidate);
        ps.setLong(3, now);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT value FROM server_keys WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("server key " + name + " missing after insert");
          }
          return rs.getString(1);
        }
      }
    });
  }
}

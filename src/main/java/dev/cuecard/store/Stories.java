package dev.cuecard.store;

import dev.cuecard.story.Story;
import dev.cuecard.story.StoryForm;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users' own stories. Every read and write names the owner, so one user's stories are never
 * reached through another's id: a story of someone else reads as not found.
 */
public final class Stories {
  private final Database db;

  public Stories(Database db) {
    this.db = db;
  }

  /** The user's stories, oldest first. */
  public Future<List<Story>> list(String userId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, user_id, body, created_at, updated_at FROM stories WHERE user_id = ? ORDER BY created_at, id")) {
        ps.setString(1, userId);
        List<Story> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(story(rs));
          }
        }
        return out;
      }
    });
  }

  public Future<Optional<Story>> get(String userId, String id) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, user_id, body, created_at, updated_at FROM stories WHERE user_id = ? AND id = ?")) {
        ps.setString(1, userId);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(story(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Adds a story unless its owner has {@code max} already ({@link LimitReachedException}). */
  public Future<Story> create(Story s, int max) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO stories (id, user_id, title, body, created_at, updated_at) SELECT ?, ?, ?, ?, ?, ? "
              + "WHERE (SELECT COUNT(*) FROM stories WHERE user_id = ?) < ?")) {
        bindInsert(ps, s);
        ps.setString(7, s.userId());
        ps.setInt(8, max);
        if (ps.executeUpdate() == 1) {
          return s;
        }
      }
      throw new LimitReachedException("you have " + max + " stories (limits.storiesPerUser); delete one to add"
          + " another");
    });
  }

  /** Adds all the stories (one owner's) in one transaction, unless that would pass {@code max}. */
  public Future<Integer> createAll(List<Story> stories, int max) {
    String userId = stories.get(0).userId();
    return db.tx(c -> {
      try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM stories WHERE user_id = ?")) {
        count.setString(1, userId);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          if (rs.getInt(1) + stories.size() > max) {
            throw new LimitReachedException("you have " + rs.getInt(1) + " stories and the file holds "
                + stories.size() + "; at most " + max + " (limits.storiesPerUser)");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO stories (id, user_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Story s : stories) {
          bindInsert(ps, s);
          ps.executeUpdate();
        }
      }
      return stories.size();
    });
  }

  /** Replaces the owner's story; false when the owner has no story with that id. */
  public Future<Boolean> update(Story s) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE stories SET title = ?, body = ?, updated_at = ? WHERE user_id = ? AND id = ?")) {
        ps.setString(1, s.title());
        ps.setString(2, s.toJson().encode());
        ps.setLong(3, s.updatedAt());
        ps.setString(4, s.userId());
        ps.setString(5, s.id());
        return ps.executeUpdate() == 1;
      }
    });
  }

  public Future<Boolean> delete(String userId, String id) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM stories WHERE user_id = ? AND id = ?")) {
        ps.setString(1, userId);
        ps.setString(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** The six columns of an insert, in the order both inserts name them. */
  private static void bindInsert(PreparedStatement ps, Story s) throws SQLException {
    ps.setString(1, s.id());
    ps.setString(2, s.userId());
    ps.setString(3, s.title());
    ps.setString(4, s.toJson().encode());
    ps.setLong(5, s.createdAt());
    ps.setLong(6, s.updatedAt());
  }

  private static Story story(ResultSet rs) throws SQLException {
    return StoryForm.read(new JsonObject(rs.getString("body")), rs.getString("id"), rs.getString("user_id"),
        rs.getLong("created_at"), rs.getLong("updated_at"));
  }
}

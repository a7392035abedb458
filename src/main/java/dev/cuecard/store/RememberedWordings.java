package dev.cuecard.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Wordings a user corrected: the question as heard when the card shown was not the one asked, and
 * the card they picked instead from its alternatives or a fallback's related cards. Their sessions
 * match these wordings to that card from then on (docs/matching.md, "Remembered corrections").
 * Every read and write names the owner; a user keeps at most {@link #KEPT}, the oldest going first.
 */
public final class RememberedWordings {
  /** Wordings kept per user; past it the oldest are forgotten. */
  public static final int KEPT = 300;
  /** The longest wording kept, in characters (a question, not a monologue). */
  public static final int MAX_CHARS = 300;

  /** One remembered wording. */
  public record Wording(long id, String wording, String cardId, long createdAt) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("wording", wording).put("cardId", cardId).put("createdAt", createdAt);
    }
  }

  private final Database db;

  public RememberedWordings(Database db) {
    this.db = db;
  }

  /** The user's wordings, oldest first. */
  public Future<List<Wording>> list(String userId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, wording, card_id, created_at FROM remembered_wordings"
          + " WHERE user_id = ? ORDER BY created_at, id")) {
        ps.setString(1, userId);
        List<Wording> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Wording(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Remembers that this wording asks for this card, replacing what it asked for before, and forgets
   * the user's oldest wordings past {@link #KEPT}. The wording is stored as given (the caller trims it).
   */
  public Future<Void> remember(String userId, String wording, String cardId, long now) {
    return db.tx(c -> {
      try (PreparedStatement del = c.prepareStatement(
               "DELETE FROM remembered_wordings WHERE user_id = ? AND wording = ?");
           PreparedStatement ins = c.prepareStatement(
               "INSERT INTO remembered_wordings (user_id, wording, card_id, created_at) VALUES (?, ?, ?, ?)");
           PreparedStatement ids = c.prepareStatement(
               "SELECT id FROM remembered_wordings WHERE user_id = ? ORDER BY created_at DESC, id DESC");
           PreparedStatement drop = c.prepareStatement("DELETE FROM remembered_wordings WHERE id = ?")) {
        del.setString(1, userId);
        del.setString(2, wording);
        del.executeUpdate();
        ins.setString(1, userId);
        ins.setString(2, wording);
        ins.setString(3, cardId);
        ins.setLong(4, now);
        ins.executeUpdate();
        ids.setString(1, userId);
        List<Long> old = new ArrayList<>();
        try (ResultSet rs = ids.executeQuery()) {
          for (int n = 0; rs.next(); n++) {
            if (n >= KEPT) {
              old.add(rs.getLong(1));
            }
          }
        }
        for (long id : old) { // at most one past the bound, as each call adds one
          drop.setLong(1, id);
          drop.executeUpdate();
        }
      }
      return null;
    });
  }

  /** Forgets one of the user's wordings; false when they have none with this id. */
  public Future<Boolean> forget(String userId, long id) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM remembered_wordings WHERE user_id = ? AND id = ?")) {
        ps.setString(1, userId);
        ps.setLong(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Forgets every wording of the user's; how many there were. */
  public Future<Integer> forgetAll(String userId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM remembered_wordings WHERE user_id = ?")) {
        ps.setString(1, userId);
        return ps.executeUpdate();
      }
    });
  }
}

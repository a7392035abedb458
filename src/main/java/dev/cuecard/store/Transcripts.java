package dev.cuecard.store;

import dev.cuecard.store.Records.Cue;
import dev.cuecard.store.Records.Utterance;
import io.vertx.core.Future;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Final utterances and the cues shown during a session. */
public final class Transcripts {
  private final Database db;
  private final boolean discardWrites;

  /** With {@code discardWrites} (benchmarks only), live utterances and cues are acknowledged but not stored. */
  public Transcripts(Database db, boolean discardWrites) {
    this.db = db;
    this.discardWrites = discardWrites;
  }

  /**
   * Stores a final utterance. Idempotent on (session, participant, seq): resolves to false when that
   * utterance was already stored, so a re-send after a reconnect never duplicates.
   */
  public Future<Boolean> addUtterance(Utterance u) {
    if (discardWrites) {
      return Future.succeededFuture(true);
    }
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO utterances (session_id, participant_id, seq, speaker, text, client_ts, received_at, echo_of) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, participant_id, seq) DO NOTHING")) {
        ps.setString(1, u.sessionId());
        ps.setString(2, u.participantId());
        ps.setLong(3, u.seq());
        ps.setString(4, u.speaker());
        ps.setString(5, u.text());
        if (u.clientTs() == null) {
          ps.setNull(6, Types.BIGINT);
        } else {
          ps.setLong(6, u.clientTs());
        }
        ps.setLong(7, u.receivedAt());
        ps.setString(8, u.echoOf());
        return ps.executeUpdate() == 1;
      }
    });
  }

  public Future<Void> addCue(Cue cue) {
    if (discardWrites) {
      return Future.succeededFuture();
    }
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO cues (session_id, card_id, question, heard, score, source, shown_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, cue.sessionId());
        ps.setString(2, cue.cardId());
        ps.setString(3, cue.question());
        ps.setString(4, cue.heard());
        ps.setDouble(5, cue.score());
        ps.setString(6, cue.source());
        ps.setLong(7, cue.shownAt());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Highest stored seq per participant of a session (participant id → seq). */
  public Future<Map<String, Long>> lastSeqs(String sessionId) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT participant_id, MAX(seq) FROM utterances WHERE session_id = ? GROUP BY participant_id")) {
        ps.setString(1, sessionId);
        Map<String, Long> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
        return out;
      }
    });
  }

  public Future<List<Utterance>> utterances(String sessionId) {
    return utterancesSince(sessionId, Long.MIN_VALUE);
  }

  /** A session's utterances received at or after {@code since} (epoch ms), in order. */
  public Future<List<Utterance>> utterancesSince(String sessionId, long since) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT session_id, participant_id, seq, speaker, text, client_ts, received_at, echo_of FROM utterances "
              + "WHERE session_id = ? AND received_at >= ? ORDER BY received_at, id")) {
        ps.setString(1, sessionId);
        ps.setLong(2, since);
        List<Utterance> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long ts = rs.getLong(6);
            Long clientTs = rs.wasNull() ? null : ts;
            out.add(new Utterance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), clientTs, rs.getLong(7), rs.getString(8)));
          }
        }
        return out;
      }
    });
  }

  /** One utterance found by search, with its session's title. */
  public record Hit(String sessionId, String title, String speaker, String text, long at) {
  }

  /** Utterances of the owner's sessions containing {@code query} (case-insensitive), newest first. */
  public Future<List<Hit>> search(String ownerId, String query, int limit) {
    String pattern = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_") + "%";
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT u.session_id, s.title, u.speaker, u.text, u.received_at FROM utterances u"
              + " JOIN sessions s ON s.id = u.session_id"
              + " WHERE s.owner_id = ? AND LOWER(u.text) LIKE ? ESCAPE '\\' ORDER BY u.received_at DESC, u.id DESC LIMIT ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, pattern);
        ps.setInt(3, limit);
        List<Hit> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
          }
        }
        return out;
      }
    });
  }

  public Future<List<Cue>> cues(String sessionId) {
    return cues(sessionId, "ORDER BY shown_at, id");
  }

  /** The card shown last in a session, if any (a follow-up on it is not a card of its own). */
  public Future<Optional<Cue>> lastCue(String sessionId) {
    return cues(sessionId, "AND source <> '" + Cue.FOLLOW_UP + "' ORDER BY shown_at DESC, id DESC LIMIT 1")
        .map(l -> l.stream().findFirst());
  }

  /** {@code rest}: a constant filter and order, never user input. */
  private Future<List<Cue>> cues(String sessionId, String rest) {
    return db.call(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT session_id, card_id, question, heard, score, source, shown_at FROM cues "
              + "WHERE session_id = ? " + rest)) {
        ps.setString(1, sessionId);
        List<Cue> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Cue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                rs.getString(6), rs.getLong(7)));
          }
        }
        return out;
      }
    });
  }
}

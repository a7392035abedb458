package dev.cuecard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema as a list of versioned steps, applied in order at start-up; the version reached is
 * kept in {@code PRAGMA user_version}. A step is never edited once released: changes are new steps.
 */
final class Migrations {
  static final List<String> MIGRATIONS = List.of(
      // 1: initial schema
      """
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_owner ON sessions(owner_id, created_at);
      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        user_id TEXT,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        UNIQUE (session_id, user_id, role)
      );
      CREATE TABLE utterances (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        speaker TEXT NOT NULL,
        text TEXT NOT NULL,
        client_ts BIGINT,
        received_at BIGINT NOT NULL,
        UNIQUE (session_id, participant_id, seq)
      );
      CREATE INDEX utterances_session ON utterances(session_id, received_at);
      CREATE TABLE cues (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        card_id TEXT NOT NULL,
        question TEXT NOT NULL,
        heard TEXT NOT NULL,
        score DOUBLE PRECISION NOT NULL,
        source TEXT NOT NULL,
        shown_at BIGINT NOT NULL
      );
      CREATE INDEX cues_session ON cues(session_id, shown_at);
      """,
      // 2: answers with their coaching figures, partner ratings and notes, per-session settings
      """
      CREATE TABLE answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        card_id TEXT NOT NULL,
        question TEXT NOT NULL,
        shown_at BIGINT NOT NULL,
        started_at BIGINT NOT NULL,
        ended_at BIGINT NOT NULL,
        words INTEGER NOT NULL,
        wpm INTEGER NOT NULL,
        fillers INTEGER NOT NULL,
        coverage DOUBLE PRECISION NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX answers_session ON answers(session_id, shown_at);
      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        card_shown_at BIGINT NOT NULL,
        score INTEGER NOT NULL,
        note TEXT,
        at BIGINT NOT NULL
      );
      CREATE INDEX ratings_session ON ratings(session_id, at);
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL,
        text TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX notes_session ON notes(session_id, at);
      ALTER TABLE sessions ADD COLUMN settings TEXT
      """,
      // 3: revocable partner invites
      """
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE INDEX invites_session ON invites(session_id, created_at)
      """);

  private Migrations() {
  }

  static void migrate(Connection conn) throws SQLException {
    int version;
    try (Statement st = conn.createStatement(); var rs = st.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > MIGRATIONS.size()) {
      throw new SQLException("database schema version " + version + " is newer than this build ("
          + MIGRATIONS.size() + "); upgrade Cuecard");
    }
    for (int v = version; v < MIGRATIONS.size(); v++) {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        for (String sql : MIGRATIONS.get(v).split(";")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
        }
        st.execute("PRAGMA user_version=" + (v + 1));
        conn.commit();
      } catch (SQLException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    }
  }

}

package dev.cuecard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema as one list of versioned steps for both stores, applied in order at start-up. A step
 * is never edited once released: changes are new steps. The SQL is portable but for one
 * placeholder, {@code {{serial}}} (an auto-numbered key), which each {@link Dialect} spells its
 * own way. SQLite keeps the version reached in {@code PRAGMA user_version} (as every release
 * has); PostgreSQL in a one-row table {@code cuecard_schema}, and nodes starting together take
 * turns through an advisory lock, so each step runs once.
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
        id {{serial}},
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
        id {{serial}},
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
        id {{serial}},
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
        id {{serial}},
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
        id {{serial}},
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
      """,
      // 4: secrets every node must share (the token signing key when the store is PostgreSQL)
      """
      CREATE TABLE server_keys (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )
      """,
      // 5: token revocation (a per-user version, and single logged-out tokens) and one-time signup codes
      """
      ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE revoked_tokens (
        jti TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX revoked_tokens_user ON revoked_tokens(user_id, expires_at);
      CREATE TABLE signup_codes (
        code_hash TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT,
        used_by TEXT
      )
      """,
      // 6: an utterance that was the other speaker's words heard again (an echo through the call or the mic)
      """
      ALTER TABLE utterances ADD COLUMN echo_of TEXT;
      """,
      // 7: a user's own stories for behavioural questions (the fields as JSON: they are read whole)
      """
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX stories_user ON stories(user_id, created_at)
      """,
      // 8: a user's own answer to a card (their points and phrasing, as JSON)
      """
      CREATE TABLE my_answers (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        card_id TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (user_id, card_id)
      )
      """,
      // 9: a user's own question banks (each a bank file, as JSON), private to them
      """
      CREATE TABLE user_banks (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        bank TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (user_id, bank)
      )
      """,
      // 10: wordings a user corrected to another card (the card shown was not the one asked), private to them
      """
      CREATE TABLE remembered_wordings (
        id {{serial}},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        wording TEXT NOT NULL,
        card_id TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        UNIQUE (user_id, wording)
      );
      CREATE INDEX remembered_wordings_user ON remembered_wordings(user_id, created_at)
      """);

  /** What differs between the stores' SQL. */
  enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRES("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");

    private final String serial;

    Dialect(String serial) {
      this.serial = serial;
    }

    String sql(String step) {
      return step.replace("{{serial}}", serial);
    }
  }

  /** An arbitrary, fixed key for PostgreSQL's advisory lock that serialises migrations across nodes. */
  private static final long MIGRATION_LOCK = 0x637565636172644cL;

  private Migrations() {
  }

  static int latest() {
    return MIGRATIONS.size();
  }

  static void migrate(Connection conn, Dialect dialect) throws SQLException {
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      if (dialect == Dialect.POSTGRES) {
        st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        st.execute("CREATE TABLE IF NOT EXISTS cuecard_schema (version INTEGER NOT NULL)");
      }
      int version = version(st, dialect);
      if (version > MIGRATIONS.size()) {
        throw new SQLException("database schema version " + version + " is newer than this build ("
            + MIGRATIONS.size() + "); upgrade Cuecard");
      }
      for (int v = version; v < MIGRATIONS.size(); v++) {
        for (String sql : dialect.sql(MIGRATIONS.get(v)).split(";")) {
          if (!sql.isBlank()) {
            st.execute(sql);
          }
        }
        setVersion(st, dialect, v + 1);
      }
      conn.commit();
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    } finally {
      conn.setAutoCommit(true);
    }
  }

  private static int version(Statement st, Dialect dialect) throws SQLException {
    String sql = dialect == Dialect.SQLITE ? "PRAGMA user_version" : "SELECT MAX(version) FROM cuecard_schema";
    try (var rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void setVersion(Statement st, Dialect dialect, int version) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      st.execute("PRAGMA user_version=" + version);
    } else {
      st.execute("DELETE FROM cuecard_schema");
      st.execute("INSERT INTO cuecard_schema (version) VALUES (" + version + ")");
    }
  }
}

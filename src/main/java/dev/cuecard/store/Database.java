package dev.cuecard.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded SQLite database. All access goes through one ordered worker thread, so the event
 * loops never block on JDBC and writes keep their arrival order (SQLite has one writer anyway).
 * SQL stays portable (TEXT ids, BIGINT epoch-millisecond times, ON CONFLICT DO NOTHING) so that
 * PostgreSQL can back a multi-node deployment later.
 */
public final class Database implements AutoCloseable {

  /** Work to run against the connection on the database thread. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private static final List<String> MIGRATIONS = List.of(
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

  private final Connection conn;
  private final WorkerExecutor worker;
  private final Path file;

  private Database(Connection conn, WorkerExecutor worker, Path file) {
    this.conn = conn;
    this.worker = worker;
    this.file = file;
  }

  /** Opens (creating if needed) the database file and applies migrations. Blocking: call at start-up. */
  public static Database open(Vertx vertx, Path dataDir) {
    Path file = dataDir.resolve("cuecard.db");
    try {
      Files.createDirectories(dataDir);
      Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
      }
      migrate(conn);
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("cuecard-db", 1);
      return new Database(conn, worker, file);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(Connection conn) throws SQLException {
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

  public Path file() {
    return file;
  }

  /** Runs work on the database thread (auto-commit). */
  public <T> Future<T> call(Work<T> work) {
    return worker.executeBlocking(() -> work.apply(conn), true);
  }

  /** Runs work in one transaction on the database thread. */
  public <T> Future<T> tx(Work<T> work) {
    return worker.executeBlocking(() -> {
      conn.setAutoCommit(false);
      try {
        T result = work.apply(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    }, true);
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // closing at shutdown; nothing useful to do
    }
    worker.close();
  }
}

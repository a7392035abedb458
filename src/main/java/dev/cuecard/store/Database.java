package dev.cuecard.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The embedded SQLite database. All access goes through one ordered worker thread, so the event
 * loops never block on JDBC and writes keep their arrival order (SQLite has one writer anyway).
 * SQL stays portable (TEXT ids, BIGINT epoch-millisecond times, ON CONFLICT DO NOTHING) so that
 * PostgreSQL can back a multi-node deployment later.
 *
 * <p>Failures that mean the store itself is broken (disk full, I/O error, a damaged file) come
 * back as {@link StoreUnavailableException} with a message an operator can act on, and are
 * recorded in {@link #health()}; a damaged file is refused at start-up.
 */
public final class Database implements AutoCloseable {
  /** How often a failing (not damaged) store is probed with a small write, so /health recovers on its own. */
  private static final long PROBE_MS = 5_000;
  /** Integrity-check errors listed in the start-up message. */
  private static final int CHECK_ERRORS_SHOWN = 5;

  /** Work to run against the connection on the database thread. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private final Vertx vertx;
  private final Connection conn;
  private final WorkerExecutor worker;
  private final Path file;
  private final StoreHealth health = new StoreHealth();
  private final long probeTimer;

  private Database(Vertx vertx, Connection conn, WorkerExecutor worker, Path file) {
    this.vertx = vertx;
    this.conn = conn;
    this.worker = worker;
    this.file = file;
    this.probeTimer = vertx.setPeriodic(PROBE_MS, t -> probe());
  }

  /**
   * Opens (creating if needed) the database file, checks its integrity and applies migrations.
   * Blocking: call at start-up. A damaged file is refused with a message that says how to restore.
   */
  public static Database open(Vertx vertx, Path dataDir) {
    Path file = dataDir.resolve("cuecard.db");
    Connection conn = null;
    try {
      Files.createDirectories(dataDir);
      conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
      }
      List<String> damage = integrityErrors(conn);
      if (!damage.isEmpty()) {
        throw new StoreUnavailableException(damaged(file, String.join("; ", damage)), null);
      }
      Migrations.migrate(conn);
      WorkerExecutor worker = vertx.createSharedWorkerExecutor("cuecard-db", 1);
      return new Database(vertx, conn, worker, file);
    } catch (SQLException | IOException | RuntimeException e) {
      closeQuietly(conn);
      if (e instanceof StoreException se) {
        throw se;
      }
      if (e instanceof SQLException sql && primaryCode(sql) == SqliteCode.DAMAGED) {
        throw new StoreUnavailableException(damaged(file, sql.getMessage()), e);
      }
      throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code PRAGMA integrity_check}: every page, b-tree and index of the file. About 0.65 s for a
   * 200 MB database (500,000 utterances) on the reference machine, a few ms for a typical one; it
   * runs while the bank loads on the other start-up worker (docs/architecture.md).
   */
  private static List<String> integrityErrors(Connection conn) throws SQLException {
    List<String> errors = new ArrayList<>();
    try (Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("PRAGMA integrity_check(" + CHECK_ERRORS_SHOWN + ")")) {
      while (rs.next()) {
        String line = rs.getString(1);
        if (!"ok".equalsIgnoreCase(line)) {
          errors.add(line);
        }
      }
    }
    return errors;
  }

  private static String damaged(Path file, String detail) {
    return "the database file " + file.toAbsolutePath() + " is damaged (" + detail + "). Cuecard will not run on"
        + " it, so nothing more is lost. Stop here, move the file aside (keep it), and restore your latest backup"
        + " to that path: a file made by 'cuecard backup' is a complete database, copied into place while Cuecard"
        + " is stopped (docs/deploy.md, 'Backups and recovery').";
  }

  /**
   * Writes a complete, consistent copy of the database in {@code dataDir} to {@code target}
   * ({@code VACUUM INTO}), safe while a server runs on it: the copy is one read transaction.
   * Checks the copy's integrity and returns its size in bytes. Blocking: for the CLI.
   */
  public static long backup(Path dataDir, Path target) throws SQLException, IOException {
    Path source = dataDir.resolve("cuecard.db");
    if (!Files.isRegularFile(source)) {
      throw new IOException("no database at " + source.toAbsolutePath());
    }
    if (Files.exists(target)) {
      throw new IOException(target + " already exists; choose a new file name");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
         java.sql.PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout=5000");
      }
      ps.setString(1, target.toAbsolutePath().toString());
      ps.execute();
    }
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath())) {
      List<String> damage = integrityErrors(copy);
      if (!damage.isEmpty()) {
        throw new SQLException("the copy failed its integrity check: " + String.join("; ", damage));
      }
    }
    return Files.size(target);
  }

  public Path file() {
    return file;
  }

  /** Whether writes are going through; what /health reports. */
  public StoreHealth health() {
    return health;
  }

  /** Runs work on the database thread (auto-commit). */
  public <T> Future<T> call(Work<T> work) {
    return worker.executeBlocking(() -> observed(() -> work.apply(conn)), true);
  }

  /** Runs work in one transaction on the database thread. */
  public <T> Future<T> tx(Work<T> work) {
    return worker.executeBlocking(() -> observed(() -> {
      conn.setAutoCommit(false);
      try {
        T result = work.apply(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          conn.rollback();
        } catch (SQLException ignored) {
          // a failed commit on a full disk may leave nothing to roll back; the first error is what matters
        }
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    }), true);
  }

  /**
   * Runs work and keeps {@link #health} current: a write that succeeds ends a passing problem;
   * a failure of the storage kind becomes a {@link StoreUnavailableException} and is recorded.
   */
  private <T> T observed(Callable<T> work) throws Exception {
    long changesBefore = health.problem() == null ? -1 : totalChanges();
    try {
      T result = work.call();
      if (changesBefore >= 0 && totalChanges() > changesBefore) {
        health.wrote();
      }
      return result;
    } catch (SQLException e) {
      throw classified(e);
    }
  }

  private Exception classified(SQLException e) {
    String reason = switch (primaryCode(e)) {
      case FULL -> "disk full: SQLite could not write " + file.toAbsolutePath() + "; free space on that disk";
      case IO -> "disk I/O error on " + file.toAbsolutePath() + " (" + e.getMessage() + ")";
      case READ_ONLY -> "the database file " + file.toAbsolutePath() + " cannot be written (read-only)";
      case DAMAGED -> damaged(file, e.getMessage());
      case OTHER -> null;
    };
    if (reason == null) {
      return e;
    }
    health.failed(reason, primaryCode(e) == SqliteCode.DAMAGED);
    return new StoreUnavailableException(reason, e);
  }

  /** The SQLite result codes that mean the store, not one statement, has a problem. */
  private enum SqliteCode { FULL, IO, READ_ONLY, DAMAGED, OTHER }

  private static SqliteCode primaryCode(SQLException e) {
    int code = (e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode()) & 0xff;
    return switch (code) {
      case 13 -> SqliteCode.FULL;       // SQLITE_FULL
      case 10 -> SqliteCode.IO;         // SQLITE_IOERR
      case 8, 14 -> SqliteCode.READ_ONLY; // SQLITE_READONLY, SQLITE_CANTOPEN
      case 11, 26 -> SqliteCode.DAMAGED; // SQLITE_CORRUPT, SQLITE_NOTADB
      default -> SqliteCode.OTHER;
    };
  }

  private long totalChanges() throws SQLException {
    return conn.unwrap(SQLiteConnection.class).getDatabase().total_changes();
  }

  /** While a passing problem lasts, a one-page write tells whether the store writes again. */
  private void probe() {
    StoreHealth.Problem p = health.problem();
    if (p == null || p.sticky()) {
      return;
    }
    worker.executeBlocking(() -> observed(() -> {
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA user_version=" + Migrations.MIGRATIONS.size());
      }
      health.wrote();
      return null;
    }), true);
  }

  @Override
  public void close() {
    vertx.cancelTimer(probeTimer);
    closeQuietly(conn);
    worker.close();
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing at shutdown or after a failed open; nothing useful to do
    }
  }
}

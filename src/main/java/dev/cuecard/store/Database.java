package dev.cuecard.store;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The store's connection to its database: SQLite in the data directory (the default, one
 * process) or PostgreSQL (several nodes). The store classes ({@link Users}, {@link Sessions},
 * {@link Transcripts}, ...) run the same JDBC work on either, through {@link #call} and
 * {@link #tx}; the work runs on worker threads, never on an event loop.
 *
 * <p>Failures that mean the database itself is unusable (disk full, I/O error, a damaged file, an
 * unreachable server) come back as {@link StoreUnavailableException} with a message an operator
 * can act on, and are recorded in {@link #health()}.
 */
public abstract class Database implements AutoCloseable {
  /** How often a failing (not damaged) store is probed with a small write, so /health recovers on its own. */
  private static final long PROBE_MS = 5_000;

  /** Work to run against a connection on a database thread. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /** A failure of the database as a whole: what to tell the operator, and whether only a restart can clear it. */
  protected record Fault(String reason, boolean sticky) {
  }

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final boolean ordered;
  private final StoreHealth health = new StoreHealth();
  private final long probeTimer;

  /**
   * @param ordered whether work runs in submission order on one thread (SQLite, one writer) or
   *                concurrently on the pool (PostgreSQL)
   */
  protected Database(Vertx vertx, int threads, boolean ordered) {
    this.vertx = vertx;
    this.worker = vertx.createSharedWorkerExecutor("cuecard-db", threads);
    this.ordered = ordered;
    this.probeTimer = vertx.setPeriodic(PROBE_MS, t -> probe());
  }

  /** Opens the configured store: PostgreSQL when {@code store.url} is set, else SQLite in {@code data.dir}. Blocking. */
  public static Database open(Vertx vertx, Config config) {
    String url = config.string(ConfigKey.STORE_URL);
    boolean full = config.string(ConfigKey.STORE_DURABILITY).equals("full");
    return url.isEmpty()
        ? SqliteDatabase.open(vertx, config.dataDir(), full)
        : PostgresDatabase.open(vertx, url, config.string(ConfigKey.STORE_PASSWORD),
            config.integer(ConfigKey.STORE_POOL_SIZE), full);
  }

  /** Replaces the SQLite database of {@code dataDir} with a backup; see {@code cuecard restore}. */
  public static java.nio.file.Path restoreSqlite(java.nio.file.Path dataDir, java.nio.file.Path backup)
      throws SQLException, java.io.IOException {
    return SqliteDatabase.restore(dataDir, backup);
  }

  /** Adds a one-time signup code (stored as its hash) to the configured store. Blocking: for the CLI. */
  public static void addSignupCode(Vertx vertx, Config config, String codeHash, long now, long expiresAt)
      throws SQLException, java.io.IOException {
    if (config.string(ConfigKey.STORE_URL).isEmpty()) {
      SqliteDatabase.addSignupCode(config.dataDir(), codeHash, now, expiresAt);
      return;
    }
    try (Database db = open(vertx, config)) {
      new Users(db).addSignupCode(codeHash, now, expiresAt).toCompletionStage().toCompletableFuture().join();
    }
  }

  /**
   * Writes a complete, consistent copy of the SQLite database in {@code dataDir} to a new file,
   * safe while a server runs on it; returns its size. Blocking: for {@code cuecard backup}.
   */
  public static long backupSqlite(java.nio.file.Path dataDir, java.nio.file.Path target)
      throws SQLException, java.io.IOException {
    return SqliteDatabase.backup(dataDir, target);
  }

  /** Where the data is, for logs ("SQLite /srv/data/cuecard.db", "PostgreSQL db.example:5432/cuecard"). */
  public abstract String describe();

  /** Told the port the server listens on (SQLite records it in the data directory's lock file). */
  public void listening(int port) {
  }

  /** Whether writes are going through; what /health reports. */
  public StoreHealth health() {
    return health;
  }

  /** Runs work on a database thread (auto-commit). */
  public <T> Future<T> call(Work<T> work) {
    return worker.executeBlocking(() -> observed(work, false), ordered);
  }

  /** Runs work in one transaction on a database thread. */
  public <T> Future<T> tx(Work<T> work) {
    return worker.executeBlocking(() -> observed(work, true), ordered);
  }

  /** A connection for one piece of work; given back with {@link #release}. */
  protected abstract Connection acquire() throws SQLException;

  protected abstract void release(Connection c);

  /** The database-wide fault this failure means, or null when it concerns this statement only. */
  protected abstract Fault fault(SQLException e);

  /**
   * A number that grows when the connection writes a row, or -1 when any success shows the
   * store works (a reachable server); lets a read succeeding on a full disk not end the problem.
   */
  protected abstract long writes(Connection c) throws SQLException;

  /** A statement that writes a little, to probe a failing store. */
  protected abstract String probeStatement();

  /**
   * Runs work and keeps {@link #health} current: a write that succeeds ends a passing problem;
   * a failure of the database as a whole becomes a {@link StoreUnavailableException} and is
   * recorded.
   */
  private <T> T observed(Work<T> work, boolean transaction) {
    Connection c;
    try {
      c = acquire();
    } catch (SQLException e) {
      throw classified(e);
    }
    try {
      boolean watching = health.problem() != null;
      long before = watching ? writes(c) : 0;
      T result = transaction ? inTransaction(c, work) : work.apply(c);
      if (watching && (before < 0 || writes(c) > before)) {
        health.wrote();
      }
      return result;
    } catch (SQLException e) {
      throw classified(e);
    } finally {
      release(c);
    }
  }

  private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.apply(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // a failed commit on a full disk may leave nothing to roll back; the first error is what matters
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private RuntimeException classified(SQLException e) {
    Fault f = fault(e);
    if (f == null) {
      return new StoreException(e.getMessage(), e);
    }
    health.failed(f.reason(), f.sticky());
    return new StoreUnavailableException(f.reason(), e);
  }

  /** While a passing problem lasts, a small write tells whether the store writes again. */
  private void probe() {
    StoreHealth.Problem p = health.problem();
    if (p == null || p.sticky()) {
      return;
    }
    worker.executeBlocking(() -> observed(c -> {
      try (var st = c.createStatement()) {
        st.execute(probeStatement());
      }
      health.wrote();
      return null;
    }, false), ordered);
  }

  /** Stops the probe and the worker threads; subclasses close their connections after this. */
  @Override
  public void close() {
    vertx.cancelTimer(probeTimer);
    worker.close();
  }
}

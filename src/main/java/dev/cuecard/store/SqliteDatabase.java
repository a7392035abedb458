package dev.cuecard.store;

import io.vertx.core.Vertx;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default: one SQLite file in the data directory (WAL; {@code synchronous=NORMAL}, or
 * {@code FULL} with {@code store.durability=full}, which also survives a power loss),
 * one connection, and one ordered worker thread, so writes keep their arrival order (SQLite has
 * one writer anyway). A damaged file is refused at start-up.
 */
final class SqliteDatabase extends Database {
  /** Integrity-check errors listed in the start-up message. */
  private static final int CHECK_ERRORS_SHOWN = 5;

  private final Connection conn;
  private final Path file;
  private final DataDirLock lock;

  private SqliteDatabase(Vertx vertx, Connection conn, Path file, DataDirLock lock) {
    super(vertx, 1, true);
    this.conn = conn;
    this.file = file;
    this.lock = lock;
  }

  /** Opens (creating if needed) the database file, checks its integrity and applies migrations. Blocking. */
  static SqliteDatabase open(Vertx vertx, Path dataDir, boolean fullDurability) {
    Path file = dataDir.resolve("cuecard.db");
    Connection conn = null;
    DataDirLock lock = DataDirLock.acquire(dataDir);
    try {
      conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        // NORMAL: a commit survives a process crash; FULL: the WAL is synced on every commit, so also a power loss
        st.execute(fullDurability ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA foreign_keys=ON");
        st.execute("PRAGMA busy_timeout=5000");
      }
      List<String> damage = integrityErrors(conn);
      if (!damage.isEmpty()) {
        throw new StoreUnavailableException(damaged(file, String.join("; ", damage)), null);
      }
      Migrations.migrate(conn, Migrations.Dialect.SQLITE);
      return new SqliteDatabase(vertx, conn, file, lock);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(conn);
      lock.close();
      if (e instanceof StoreException se) {
        throw se;
      }
      if (e instanceof SQLException sql && code(sql) == Code.DAMAGED) {
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
  /**
   * Puts a backup back as the database of {@code dataDir}. Refused while a server holds the
   * directory; the backup must pass an integrity check and be a Cuecard database this build can
   * open. The database it replaces is kept beside it as {@code cuecard.db.before-restore-<time>}
   * (with its WAL files), and the new file is moved into place in one step. Returns the name of
   * the kept file, or null when there was none. Blocking: for the CLI.
   */
  static Path restore(Path dataDir, Path backup) throws SQLException, IOException {
    if (!Files.isRegularFile(backup)) {
      throw new IOException("no backup file at " + backup.toAbsolutePath());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + backup.toAbsolutePath() + "?mode=ro")) {
      List<String> damage = integrityErrors(c);
      if (!damage.isEmpty()) {
        throw new SQLException(backup + " fails its integrity check: " + String.join("; ", damage));
      }
      int version;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version < 1 || version > Migrations.latest()) {
        throw new SQLException(backup + " is not a Cuecard database this build can open (schema version "
            + version + ", this build knows 1 to " + Migrations.latest() + ")");
      }
    } catch (SQLException e) {
      if (code(e) == Code.DAMAGED) {
        throw new SQLException(backup + " is not a readable SQLite database: " + e.getMessage(), e);
      }
      throw e;
    }
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      Path db = dataDir.resolve("cuecard.db");
      Path kept = null;
      if (Files.exists(db)) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
            "yyyyMMdd-HHmmss"));
        kept = dataDir.resolve("cuecard.db.before-restore-" + stamp);
        for (String suffix : List.of("-wal", "-shm")) {
          Path side = dataDir.resolve("cuecard.db" + suffix);
          if (Files.exists(side)) {
            Files.move(side, dataDir.resolve(kept.getFileName() + suffix));
          }
        }
        Files.move(db, kept);
      }
      Path tmp = dataDir.resolve("cuecard.db.restoring");
      Files.copy(backup, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
          java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, db, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return kept;
    }
  }

  /** Adds a signup code beside a running server (one short write transaction). Blocking: for the CLI. */
  static void addSignupCode(Path dataDir, String codeHash, long now, long expiresAt) throws SQLException, IOException {
    Path source = dataDir.resolve("cuecard.db");
    if (!Files.isRegularFile(source)) {
      throw new IOException("no database at " + source.toAbsolutePath() + "; start the server once first");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath())) {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA busy_timeout=5000");
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
          if (!rs.next() || rs.getInt(1) < 5) {
            throw new SQLException("the database predates signup codes; start this version of the server once first");
          }
        }
      }
      Users.insertSignupCode(c, codeHash, now, expiresAt);
    }
  }

  static long backup(Path dataDir, Path target) throws SQLException, IOException {
    Path source = dataDir.resolve("cuecard.db");
    if (!Files.isRegularFile(source)) {
      throw new IOException("no database at " + source.toAbsolutePath());
    }
    if (Files.exists(target)) {
      throw new IOException(target + " already exists; choose a new file name");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
         PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
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

  @Override
  public String describe() {
    return "SQLite " + file.toAbsolutePath();
  }

  @Override
  protected Connection acquire() {
    return conn;
  }

  @Override
  protected void release(Connection c) {
    // the one connection stays open
  }

  @Override
  protected Fault fault(SQLException e) {
    return switch (code(e)) {
      case FULL -> new Fault("disk full: SQLite could not write " + file.toAbsolutePath()
          + "; free space on that disk", false);
      case IO -> new Fault("disk I/O error on " + file.toAbsolutePath() + " (" + e.getMessage() + ")", false);
      case READ_ONLY -> new Fault("the database file " + file.toAbsolutePath() + " cannot be written (read-only)",
          false);
      case DAMAGED -> new Fault(damaged(file, e.getMessage()), true);
      case OTHER -> null;
    };
  }

  /** The SQLite result codes that mean the store, not one statement, has a problem. */
  private enum Code { FULL, IO, READ_ONLY, DAMAGED, OTHER }

  private static Code code(SQLException e) {
    int primary = (e instanceof SQLiteException se ? se.getResultCode().code : e.getErrorCode()) & 0xff;
    return switch (primary) {
      case 13 -> Code.FULL;          // SQLITE_FULL
      case 10 -> Code.IO;            // SQLITE_IOERR
      case 8, 14 -> Code.READ_ONLY;  // SQLITE_READONLY, SQLITE_CANTOPEN
      case 11, 26 -> Code.DAMAGED;   // SQLITE_CORRUPT, SQLITE_NOTADB
      default -> Code.OTHER;
    };
  }

  @Override
  protected long writes(Connection c) throws SQLException {
    return c.unwrap(SQLiteConnection.class).getDatabase().total_changes();
  }

  @Override
  protected String probeStatement() {
    return "PRAGMA user_version=" + Migrations.latest();
  }

  @Override
  public void close() {
    super.close();
    closeQuietly(conn);
    lock.close();
  }

  @Override
  public void listening(int port) {
    lock.write(port);
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

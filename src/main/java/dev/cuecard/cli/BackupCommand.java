package dev.cuecard.cli;

import dev.cuecard.cli.Main.UsageException;
import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * {@code cuecard backup FILE [--data-dir DIR | --KEY=VALUE ...]}: a consistent copy of the
 * database, taken while the server runs; {@code cuecard restore FILE}: puts one back while the
 * server is stopped.
 */
final class BackupCommand {
  private BackupCommand() {
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).startsWith("--")) {
      throw new UsageException("backup: name the file to write first, e.g. cuecard backup cuecard-backup.db");
    }
    String target = args.get(0);
    // the data directory comes from the same layers as the server's: config file, CUECARD_* env, flags
    Config config = Config.load(System.getenv(), args.subList(1, args.size()));
    if (!config.string(ConfigKey.STORE_URL).isEmpty()) {
      err.println("backup copies the embedded SQLite store; this configuration uses PostgreSQL (store.url),"
          + " so back it up with PostgreSQL's own tools (pg_dump; docs/deploy.md)");
      return 1;
    }
    Path dataDir = config.dataDir();
    try {
      long bytes = Database.backupSqlite(dataDir, Path.of(target));
      out.printf(Locale.ROOT, "backup written to %s (%.1f MB, integrity ok)%n", Path.of(target).toAbsolutePath(),
          bytes / 1e6);
      return 0;
    } catch (IOException | SQLException e) {
      err.println("backup failed: " + e.getMessage());
      return 1;
    }
  }

  static int restore(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).startsWith("--")) {
      throw new UsageException("restore: name the backup file first, e.g. cuecard restore cuecard-backup.db");
    }
    Config config = Config.load(System.getenv(), args.subList(1, args.size()));
    if (!config.string(ConfigKey.STORE_URL).isEmpty()) {
      err.println("restore puts back the embedded SQLite store; with PostgreSQL (store.url) use pg_restore or psql"
          + " (docs/deploy.md)");
      return 1;
    }
    try {
      Path kept = Database.restoreSqlite(config.dataDir(), Path.of(args.get(0)));
      out.println("restored " + Path.of(args.get(0)).toAbsolutePath() + " into " + config.dataDir().toAbsolutePath()
          + (kept == null ? "" : "; the previous database is kept as " + kept.toAbsolutePath()));
      return 0;
    } catch (IOException | SQLException | dev.cuecard.store.StoreException e) {
      err.println("restore failed: " + e.getMessage());
      return 1;
    }
  }
}

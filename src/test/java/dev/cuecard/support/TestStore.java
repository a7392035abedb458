package dev.cuecard.support;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which store the test servers use: SQLite in each test's data directory (the default), or,
 * when the system property {@code cuecard.test.store=postgresql} is set (the second Surefire
 * execution in pom.xml), a real PostgreSQL server with a fresh schema per data directory. The
 * PostgreSQL server comes from CUECARD_TEST_PG_URL / CUECARD_TEST_PG_PASSWORD (default: the one
 * .ci/run sets up, {@code postgresql://cuecard@127.0.0.1:5432/cuecard_test}, password
 * {@code cuecard}). Without one, PostgreSQL runs are skipped, unless REQUIRE_POSTGRES_TESTS=1.
 */
public final class TestStore {
  private static final boolean POSTGRES = "postgresql".equals(System.getProperty("cuecard.test.store"));
  private static final String PG_URL = env("CUECARD_TEST_PG_URL", "postgresql://cuecard@127.0.0.1:5432/cuecard_test");
  private static final String PG_PASSWORD = env("CUECARD_TEST_PG_PASSWORD", "cuecard");
  /** One schema per data directory, so servers restarted on the same directory find their data. */
  private static final Map<Path, String> SCHEMAS = new ConcurrentHashMap<>();
  private static volatile String unreachable;

  static {
    if (POSTGRES) {
      Runtime.getRuntime().addShutdownHook(new Thread(TestStore::dropSchemas, "drop-test-schemas"));
    }
  }

  private TestStore() {
  }

  private static String env(String name, String def) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? def : v;
  }

  /** The test PostgreSQL password. */
  public static String password() {
    return PG_PASSWORD;
  }

  public static boolean postgres() {
    return POSTGRES;
  }

  /** Skips a test that is about SQLite's own file (damage, backups, a full local disk) in the PostgreSQL run. */
  public static void assumeSqlite(String why) {
    Assumptions.assumeFalse(POSTGRES, "SQLite only: " + why);
  }

  /** Points the builder at this run's store for the data directory {@code dataDir}. */
  public static Config.Builder configure(Config.Builder b, Path dataDir) {
    if (POSTGRES) {
      b.set(ConfigKey.STORE_URL, url(dataDir)).set(ConfigKey.STORE_PASSWORD, PG_PASSWORD);
    }
    return b;
  }

  /** The same as flags of {@code cuecard serve}, for servers in another process. */
  public static String[] flags(Path dataDir) {
    return POSTGRES ? new String[] {"--store.url=" + url(dataDir), "--store.password=" + PG_PASSWORD}
        : new String[0];
  }

  /** The store URL of {@code dataDir}'s schema (PostgreSQL run only). */
  public static String url(Path dataDir) {
    String schema = SCHEMAS.computeIfAbsent(dataDir.toAbsolutePath(), d -> {
      String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      createSchema(name);
      return name;
    });
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * Makes the store refuse inserts of utterances matching {@code condition} (SQL over NEW, e.g.
   * {@code NEW.seq = 3}): a real failure of the real database, added beside the running server.
   */
  public static void failInserts(Path dataDir, String condition) {
    if (POSTGRES) {
      execute(dataDir, "CREATE OR REPLACE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql AS"
          + " $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$");
      execute(dataDir, "CREATE TRIGGER inject_failure BEFORE INSERT ON utterances FOR EACH ROW WHEN (" + condition
          + ") EXECUTE FUNCTION inject_failure()");
    } else {
      execute(dataDir, "CREATE TRIGGER inject_failure BEFORE INSERT ON utterances WHEN " + condition
          + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    }
  }

  public static void stopFailing(Path dataDir) {
    execute(dataDir, POSTGRES ? "DROP TRIGGER inject_failure ON utterances" : "DROP TRIGGER inject_failure");
  }

  /** The first column of a query on the store of {@code dataDir}, read beside the running server. */
  public static List<String> column(Path dataDir, String sql) {
    try (Connection c = connect(dataDir); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs a statement on the store of {@code dataDir} beside the running server (a change no node announced). */
  public static void execute(Path dataDir, String sql) {
    try (Connection c = connect(dataDir); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** A connection to the store of {@code dataDir}: its SQLite file, or its schema on the test PostgreSQL. */
  private static Connection connect(Path dataDir) throws SQLException {
    if (!POSTGRES) {
      return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("cuecard.db"));
    }
    Connection c = admin();
    try (Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + SCHEMAS.get(dataDir.toAbsolutePath()));
    }
    return c;
  }

  /** A connection to the test PostgreSQL server; skips (or fails, if required) when there is none. */
  private static Connection admin() throws SQLException {
    if (unreachable != null) {
      skipOrFail(unreachable);
    }
    String jdbc = "jdbc:" + PG_URL.replaceFirst("^postgres(ql)?://[^@/]+@", "postgresql://");
    String user = PG_URL.matches("^postgres(ql)?://[^@/]+@.*")
        ? PG_URL.replaceFirst("^postgres(ql)?://([^@/:]+).*", "$2") : null;
    try {
      return DriverManager.getConnection(jdbc, user, PG_PASSWORD);
    } catch (SQLException e) {
      unreachable = "no test PostgreSQL at " + PG_URL + ": " + e.getMessage();
      skipOrFail(unreachable);
      throw e;
    }
  }

  private static void createSchema(String name) {
    try (Connection c = admin(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("CREATE SCHEMA " + name, e);
    }
  }

  private static void skipOrFail(String why) {
    if ("1".equals(System.getenv("REQUIRE_POSTGRES_TESTS"))) {
      throw new IllegalStateException("REQUIRE_POSTGRES_TESTS=1 but " + why);
    }
    Assumptions.abort(why);
  }

  private static void dropSchemas() {
    try (Connection c = admin(); Statement st = c.createStatement()) {
      for (String schema : SCHEMAS.values()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException | RuntimeException ignored) {
      // best effort at exit
    }
  }
}

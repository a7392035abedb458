package dev.cuecard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * PostgreSQL, for several nodes sharing one store: a HikariCP pool of {@code store.poolSize}
 * connections and as many worker threads, work running concurrently (docs/architecture.md says
 * why JDBC on workers rather than the reactive client). Schema migrations are the same steps as
 * SQLite's, serialised across nodes by an advisory lock.
 */
final class PostgresDatabase extends Database {
  private final HikariDataSource pool;
  private final String where;

  private PostgresDatabase(Vertx vertx, HikariDataSource pool, String where, int poolSize) {
    super(vertx, poolSize, false);
    this.pool = pool;
    this.where = where;
  }

  /** A parsed {@code store.url}: the JDBC URL, the user and a password given in the URL (if any). */
  record Target(String jdbcUrl, String user, String password, String where) {
    static Target parse(String url) {
      String u = url.startsWith("jdbc:") ? url.substring(5) : url;
      try {
        URI uri = new URI(u);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
          String[] parts = uri.getRawUserInfo().split(":", 2);
          user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
          password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String hostPortDb = uri.getHost() + ":" + port + uri.getRawPath();
        String jdbc = "jdbc:postgresql://" + hostPortDb + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Target(jdbc, user, password, hostPortDb);
      } catch (URISyntaxException | RuntimeException e) {
        throw new StoreException("store.url is not a PostgreSQL URL (postgresql://user@host:5432/database): "
            + e.getMessage(), e);
      }
    }
  }

  /** Connects, then applies migrations (once across nodes). Blocking: call at start-up. */
  static PostgresDatabase open(Vertx vertx, String url, String configuredPassword, int poolSize,
      boolean fullDurability) {
    Target t = Target.parse(url);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(t.jdbcUrl());
    if (t.user() != null) {
      hc.setUsername(t.user());
    }
    String password = configuredPassword.isEmpty() ? t.password() : configuredPassword;
    if (password != null) {
      hc.setPassword(password);
    }
    hc.setPoolName("cuecard-pg");
    hc.setMaximumPoolSize(poolSize);
    hc.setMinimumIdle(Math.min(2, poolSize));
    hc.setConnectionTimeout(5_000);
    hc.setInitializationFailTimeout(10_000);
    hc.addDataSourceProperty("ApplicationName", "cuecard");
    if (fullDurability) {
      // an ack then waits for the WAL flush even where the server's own default is asynchronous commit
      hc.setConnectionInitSql("SET synchronous_commit = on");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreUnavailableException("cannot connect to PostgreSQL at " + t.where()
          + (t.user() == null ? "" : " as " + t.user()) + ": " + rootMessage(e)
          + " (check store.url, and store.password or CUECARD_STORE_PASSWORD)", e);
    }
    try (Connection c = pool.getConnection()) {
      Migrations.migrate(c, Migrations.Dialect.POSTGRES);
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("cannot prepare the PostgreSQL schema at " + t.where() + ": " + e.getMessage(), e);
    }
    return new PostgresDatabase(vertx, pool, t.where(), poolSize);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  @Override
  public String describe() {
    return "PostgreSQL " + where;
  }

  @Override
  protected Connection acquire() throws SQLException {
    return pool.getConnection();
  }

  @Override
  protected void release(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // the pool replaces a broken connection
    }
  }

  @Override
  protected Fault fault(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("57P")) {
      return new Fault("cannot reach PostgreSQL at " + where + " (" + e.getMessage() + ")", false);
    }
    if (state.equals("53100")) {
      return new Fault("disk full on the PostgreSQL server at " + where + " (" + e.getMessage() + ")", false);
    }
    if (state.startsWith("53")) {
      return new Fault("PostgreSQL at " + where + " is out of resources (" + e.getMessage() + ")", false);
    }
    if (state.equals("25006")) {
      return new Fault("PostgreSQL at " + where + " is read-only (a standby?)", false);
    }
    if (state.startsWith("XX")) {
      return new Fault("PostgreSQL at " + where + " reports damaged data (" + e.getMessage() + ")", true);
    }
    return null;
  }

  @Override
  protected long writes(Connection c) {
    return -1; // the failures above are of reaching the server: any success ends them
  }

  @Override
  protected String probeStatement() {
    return "UPDATE cuecard_schema SET version = version";
  }

  @Override
  public void close() {
    super.close();
    pool.close();
  }
}

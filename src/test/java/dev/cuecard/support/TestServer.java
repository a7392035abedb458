package dev.cuecard.support;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.server.CuecardServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real Cuecard server in this JVM on a random loopback port with its own data directory. */
public final class TestServer extends ServerHandle implements AutoCloseable {
  private final Vertx vertx;
  private final Config config;
  private CuecardServer server;

  private TestServer(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
  }

  /**
   * Test defaults: random port, a fast password hash, the given data dir, no semantic fallback
   * (embedding the bank costs seconds of CPU per start; SemanticLiveTest covers it), and this
   * run's store ({@link TestStore}: SQLite in the data dir, or a PostgreSQL schema of its own).
   */
  public static Config config(Path dataDir) {
    return builder(dataDir).build();
  }

  public static Config.Builder builder(Path dataDir) {
    return TestStore.configure(Config.builder()
        .set(ConfigKey.SERVER_PORT, 0)
        .set(ConfigKey.DATA_DIR, dataDir.toString())
        .set(ConfigKey.AUTH_PASSWORD_ITERATIONS, 1000)
        // tests register and log in many accounts from one address; ThrottleTest sets its own limits
        .set(ConfigKey.AUTH_REGISTRATIONS_PER_HOUR, 10_000)
        .set(ConfigKey.AUTH_ATTEMPTS_PER_MINUTE, 10_000)
        .set(ConfigKey.ROOM_GRACE_SECONDS, 1)
        .set(ConfigKey.MATCH_SEMANTIC, false), dataDir);
  }

  public static TestServer start(Vertx vertx, Path dataDir) {
    return start(vertx, config(dataDir));
  }

  public static TestServer start(Vertx vertx, Config config) {
    BlockedThreads.watch();
    TestServer t = new TestServer(vertx, config);
    t.server = await(CuecardServer.start(vertx, config));
    return t;
  }

  /** A server with the semantic path on (and {@code more} settings), once its card index is built (60 s at most). */
  public static TestServer startSemantic(Vertx vertx, Path dataDir, java.util.function.UnaryOperator<Config.Builder> more)
      throws InterruptedException {
    TestServer t = start(vertx, more.apply(builder(dataDir).set(ConfigKey.MATCH_SEMANTIC, true)).build());
    long deadline = System.currentTimeMillis() + 60_000;
    while (!t.call("GET", "/health", null, (String) null).json().getBoolean("semantic")) {
      if (System.currentTimeMillis() > deadline) {
        t.close();
        throw new AssertionError("semantic index not ready within 60 s");
      }
      Thread.sleep(200);
    }
    return t;
  }

  /** Stops and starts again on the same data directory (and a new port). */
  public void restart() {
    await(server.stop());
    server = await(CuecardServer.start(vertx, config));
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  public Config config() {
    return config;
  }

  /** The key of the start-up link for the account on this computer (null off loopback). */
  public String localKey() {
    return server.localKey();
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
    }
  }

  @Override
  /** Stops the server; fails if Vert.x reported a blocked thread while it ran. */
  public void close() {
    if (server != null) {
      await(server.stop());
    }
    BlockedThreads.assertNone();
  }

}

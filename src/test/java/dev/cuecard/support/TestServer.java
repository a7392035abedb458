package dev.cuecard.support;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.server.CuecardServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A real Cuecard server on a random loopback port with its own data directory, plus a blocking HTTP client. */
public final class TestServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Vertx vertx;
  private final Config config;
  private CuecardServer server;

  private TestServer(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
  }

  /**
   * Test defaults: random port, a fast password hash, the given data dir, and no semantic
   * fallback (embedding the bank costs seconds of CPU per start; SemanticLiveTest covers it).
   */
  public static Config config(Path dataDir) {
    return builder(dataDir).build();
  }

  public static Config.Builder builder(Path dataDir) {
    return Config.builder()
        .set(ConfigKey.SERVER_PORT, 0)
        .set(ConfigKey.DATA_DIR, dataDir.toString())
        .set(ConfigKey.AUTH_PASSWORD_ITERATIONS, 1000)
        .set(ConfigKey.ROOM_GRACE_SECONDS, 1)
        .set(ConfigKey.MATCH_SEMANTIC, false);
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

  /** Stops and starts again on the same data directory (and a new port). */
  public void restart() {
    await(server.stop());
    server = await(CuecardServer.start(vertx, config));
  }

  public int port() {
    return server.port();
  }

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  public Vertx vertx() {
    return vertx;
  }

  public Config config() {
    return config;
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
    }
  }

  /** A blocking HTTP call; body may be null. */
  public Response call(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response call(String method, String path, String token, JsonObject body) {
    return call(method, path, token, body == null ? null : body.encode());
  }

  /** Registers a fresh user and returns its token. */
  public String newUser() {
    return register("u" + UUID.randomUUID().toString().substring(0, 8), "correct horse battery");
  }

  public String register(String username, String password) {
    Response r = call("POST", "/api/auth/register", null,
        new JsonObject().put("username", username).put("password", password));
    if (r.status() != 201) {
      throw new IllegalStateException("register failed: " + r);
    }
    return r.json().getString("token");
  }

  public String newSession(String token) {
    Response r = call("POST", "/api/sessions", token, new JsonObject().put("title", "test"));
    if (r.status() != 201) {
      throw new IllegalStateException("create session failed: " + r);
    }
    return r.json().getString("id");
  }

  @Override
  /** Stops the server; fails if Vert.x reported a blocked thread while it ran. */
  public void close() {
    if (server != null) {
      await(server.stop());
    }
    BlockedThreads.assertNone();
  }

  /** A response with its status, body and content type. */
  public record Response(int status, String body, String contentType) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String error() {
      return json().getString("error");
    }
  }
}

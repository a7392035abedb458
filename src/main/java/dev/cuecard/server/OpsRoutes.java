package dev.cuecard.server;

import dev.cuecard.auth.Secrets;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.StoreHealth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;


/**
 * Operations endpoints: {@code /health} (no login; says up or degraded and why, without file
 * paths) and {@code /metrics} (Prometheus text). /metrics is open on a loopback-bound server; on
 * any other it needs {@code metrics.token} as a bearer token, unless it moved to its own port
 * ({@code metrics.port} on {@code metrics.host}, loopback by default).
 */
final class OpsRoutes {
  private OpsRoutes() {
  }

  static void health(RoutingContext ctx, Services s) {
    String bankError = s.bank().error();
    StoreHealth.Problem store = s.db().health().problem();
    JsonObject body = new JsonObject()
        .put("status", bankError == null && store == null ? "up" : "degraded")
        .put("cards", s.bank().bank().size())
        .put("banks", s.bank().bank().sources().size())
        .put("bankLoadedAt", s.bank().loadedAt())
        .put("semantic", s.bank().semantic().isPresent())
        .put("storing", !s.config().bool(ConfigKey.BENCH_DISCARD_WRITES))
        .put("connections", s.metrics().openConnections())
        .put("liveSessions", s.rooms().liveRooms())
        .put("uptimeSeconds", s.metrics().uptimeMillis() / 1000);
    if (bankError != null) {
      body.put("bankError", bankError);
    }
    if (store != null) {
      body.put("storeError", store.reason()).put("storeErrorSince", store.since());
    }
    Http.json(ctx, 200, body);
  }

  /**
   * Mounts /metrics on a router: the main one ({@code management} false), where it is guarded
   * as the class comment says and absent when a management port is set, or the management one.
   */
  static void mountMetrics(Router router, Services s, boolean management) {
    int port = s.config().integer(ConfigKey.METRICS_PORT);
    if (!management && port > 0) {
      return; // served on the management port only
    }
    String token = s.config().string(ConfigKey.METRICS_TOKEN);
    boolean open = management || HostPolicy.isLoopback(s.config().string(ConfigKey.SERVER_HOST));
    router.get("/metrics").handler(ctx -> {
      if (!token.isEmpty() && !Secrets.same(token, Http.bearer(ctx.request().getHeader("Authorization")))) {
        Http.error(ctx, 401, "unauthorized", "/metrics needs the bearer token set in metrics.token");
        return;
      }
      if (token.isEmpty() && !open) {
        Http.error(ctx, 403, "forbidden", "this server is not bound to loopback: set metrics.token, or metrics.port"
            + " for a separate management port, to read /metrics");
        return;
      }
      // rendering reads /proc for the RSS figure: keep that file read off the event loop
      s.vertx().executeBlocking(s.metrics()::render, false)
          .onSuccess(text -> ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
              .end(text))
          .onFailure(ctx::fail);
    });
  }

  /** The separate management server when metrics.port is set, else null. */
  static Future<HttpServer> startManagement(Vertx vertx, Services s) {
    int port = s.config().integer(ConfigKey.METRICS_PORT);
    if (port == 0) {
      return Future.succeededFuture(null);
    }
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> health(ctx, s));
    mountMetrics(router, s, true);
    return vertx.createHttpServer().requestHandler(router).listen(port, s.config().string(ConfigKey.METRICS_HOST));
  }
}

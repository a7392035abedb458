package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.LimitReachedException;
import dev.cuecard.store.StoreHealth;
import dev.cuecard.store.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.file.Path;

/** One HTTP server instance (one per event loop): REST API, live WebSocket, web client, ops endpoints. */
final class HttpVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(HttpVerticle.class.getName());
  private static final long MAX_BODY_BYTES = 64 * 1024;
  /**
   * Transport cap on one WebSocket frame or message. Messages up to it reach the protocol layer,
   * which answers anything over ws.maxMessageBytes with a too_large error; past it the
   * connection is dropped without reading further.
   */
  static final int MAX_FRAME_BYTES = 1024 * 1024;

  private final Services s;
  private final int port;
  private HttpServer server;

  HttpVerticle(Services s, int port) {
    this.s = s;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      String host = ctx.request().getHeader("Host");
      s.browserPolicy().apply(ctx.response(), host);
      if (!s.hosts().permits(host)) {
        Http.error(ctx, 421, "host_not_allowed", "this server does not answer to that host name;"
            + " its operator can add it with server.publicUrl or server.allowedHosts");
        return;
      }
      ctx.next();
    });

    router.get("/health").handler(ctx -> OpsRoutes.health(ctx, s));
    OpsRoutes.mountMetrics(router, s, false);

    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    api.route().handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.next();
    });
    AuthRoutes auth = new AuthRoutes(s);
    auth.mount(api);
    new BankRoutes(s).mount(api);
    auth.mountAccountOnly(api);
    new AccountRoutes(s, auth).mount(api);
    new SessionRoutes(s).mount(api);
    new StoryRoutes(s).mount(api);
    new MyAnswerRoutes(s).mount(api);
    new RememberedRoutes(s).mount(api);
    new CorrectionRoutes(s).mount(api);
    new OwnBankRoutes(s).mount(api);
    new DrillRoutes(s).mount(api);
    api.route().handler(ctx -> Http.error(ctx, 404, "not_found", "no API route " + ctx.request().method() + " "
        + ctx.request().path()));
    router.route("/api/*").subRouter(api);

    String webRoot = s.config().string(ConfigKey.SERVER_WEB_ROOT);
    StaticHandler statics = Path.of(webRoot).isAbsolute()
        ? StaticHandler.create(FileSystemAccess.ROOT, webRoot)
        : StaticHandler.create(webRoot);
    router.route("/*").handler(statics.setIndexPage("index.html"));

    router.route().failureHandler(ctx -> {
      Throwable e = ctx.failure();
      if (e instanceof OwnBankRoutes.InvalidBank bad) {
        Http.json(ctx, 400, new JsonObject().put("error", bad.code()).put("message", bad.getMessage())
            .put("problems", new io.vertx.core.json.JsonArray(bad.problems())));
      } else if (e instanceof ApiException a) {
        if (a.retryAfterSeconds() > 0) {
          ctx.response().putHeader("Retry-After", Long.toString(a.retryAfterSeconds()));
        } else if (a.status() == 503) {
          ctx.response().putHeader("Retry-After", "1");
        }
        Http.error(ctx, a.status(), a.code(), a.getMessage());
      } else if (e instanceof LimitReachedException l) {
        if (l.retryAfterSeconds() > 0) {
          ctx.response().putHeader("Retry-After", Long.toString(l.retryAfterSeconds()));
        }
        Http.error(ctx, 429, "limit_reached", l.getMessage());
      } else if (e instanceof StoreUnavailableException) {
        LOG.warning("request " + ctx.request().method() + " " + ctx.request().path() + " failed: " + e.getMessage());
        ctx.response().putHeader("Retry-After", "30");
        Http.error(ctx, 503, "store_unavailable", "the server cannot use its database right now: " + e.getMessage());
      } else if (ctx.statusCode() == 413) {
        Http.error(ctx, 413, "too_large", "request body is larger than " + MAX_BODY_BYTES + " bytes");
      } else if (e == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
        Http.error(ctx, ctx.statusCode(), "bad_request", "request could not be handled");
      } else {
        LOG.log(Level.SEVERE, "request " + ctx.request().method() + " " + ctx.request().path() + " failed", e);
        Http.error(ctx, 500, "internal", "internal error; the server log has details");
      }
    });

    LiveEndpoint live = new LiveEndpoint(s);
    /*
     * WebSocket compression (permessage-deflate, and the older per-frame variant) is declined.
     * Vert.x inflates a compressed frame whole, on the event loop, before any size limit applies:
     * a 50 KB frame that inflates to 50 MB held an event loop for about 12 s. Cuecard's messages
     * are small, and the memory a deflate context costs per connection outweighs the bytes saved
     * (docs/security.md, docs/benchmarks.md). Without the extension a frame with RSV1 set is a
     * protocol error, closed with 1002 before its payload is looked at, and every limit applies
     * to the bytes on the wire, which are the message itself.
     */
    HttpServerOptions options = new HttpServerOptions()
        .setHost(s.config().string(ConfigKey.SERVER_HOST))
        .setPort(port)
        .setIdleTimeout(s.config().integer(ConfigKey.WS_IDLE_TIMEOUT_SECONDS))
        .setMaxWebSocketFrameSize(MAX_FRAME_BYTES)
        .setMaxWebSocketMessageSize(Math.max(MAX_FRAME_BYTES, s.config().integer(ConfigKey.WS_MAX_MESSAGE_BYTES)))
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true); // HTTP responses only (gzip of pages and JSON the server writes)
    server = vertx.createHttpServer(options)
        .connectionHandler(conn -> s.addressConnections().opened(conn, () -> s.metrics().error("connections_per_address")))
        .requestHandler(router)
        .webSocketHandshakeHandler(live::handshake)
        .webSocketHandler(ws -> { });
    watchEventLoop();
    return server.listen();
  }

  /** Every 100 ms, records how late the timer fired on this event loop: the time work waited behind other work. */
  private void watchEventLoop() {
    long period = 100_000_000L;
    long[] due = {System.nanoTime() + period};
    vertx.setPeriodic(100, t -> {
      long now = System.nanoTime();
      s.metrics().eventLoopDelayNanos(Math.max(0, now - due[0]));
      due[0] = now + period;
    });
  }

  int actualPort() {
    return server.actualPort();
  }
}

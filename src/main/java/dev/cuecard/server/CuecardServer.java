package dev.cuecard.server;

import dev.cuecard.auth.LoginThrottle;
import dev.cuecard.auth.PasswordHasher;
import dev.cuecard.auth.PasswordPolicy;
import dev.cuecard.auth.Revocations;
import dev.cuecard.auth.Tokens;
import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.match.LiveBank;
import dev.cuecard.metrics.Metrics;
import dev.cuecard.metrics.Observability;
import dev.cuecard.session.Rooms;
import dev.cuecard.store.Coaching;
import dev.cuecard.store.Database;
import dev.cuecard.store.DrillHistory;
import dev.cuecard.store.Invites;
import dev.cuecard.store.UserBanks;
import dev.cuecard.session.OwnCards;
import dev.cuecard.store.MyAnswers;
import dev.cuecard.store.RememberedWordings;
import dev.cuecard.store.ServerKeys;
import dev.cuecard.store.Sessions;
import dev.cuecard.store.Stories;
import dev.cuecard.store.Stories;
import dev.cuecard.store.Transcripts;
import dev.cuecard.store.Users;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds the services and deploys the HTTP verticles. {@link #start} is the one way to run a server. */
public final class CuecardServer {
  private static final Logger LOG = Logger.getLogger(CuecardServer.class.getName());
  private static final long BACKGROUND_DELAY_MS = 1500;

  private final Vertx vertx;
  private final Services services;
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private int port;
  private long reloadTimer = -1;
  private long backgroundTimer = -1;
  private long sweepTimer = -1;
  private long recheckTimer = -1;
  private io.vertx.core.http.HttpServer management;
  private MessageConsumer<String> accounts;
  private static final long SWEEP_MS = 60_000;

  private CuecardServer(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.services = services;
  }

  /**
   * Opens the store, loads the bank, and starts listening; fails with a clear message on bad setup.
   * The bank (the longest step) loads on one worker while another opens the store and the keys.
   */
  public static Future<CuecardServer> start(Vertx vertx, Config config) {
    long started = System.currentTimeMillis();
    Future<LiveBank> bank = vertx.executeBlocking(() -> new LiveBank(config.bool(ConfigKey.BANK_BUNDLED),
        config.list(ConfigKey.BANK_DIRS).stream().map(Path::of).toList(), config.number(ConfigKey.MATCH_THRESHOLD),
        config.bool(ConfigKey.MATCH_SEMANTIC)), false);
    Future<Database> db = vertx.executeBlocking(() -> Database.open(vertx, config), false);
    Future<Tokens> tokens = db.compose(d -> secret(vertx, config, d)).map(secret -> new Tokens(vertx, secret,
        config.string(ConfigKey.AUTH_ISSUER), config.integer(ConfigKey.AUTH_TOKEN_TTL_SECONDS)));
    // the meters (Micrometer's JVM binders load a few hundred classes) and the hasher's SecureRandom, off the event loop
    Future<Metrics> metrics = vertx.executeBlocking(() -> new Metrics(Observability.registryOf(vertx)), false);
    Future<PasswordHasher> hasher = vertx.executeBlocking(() -> {
      PasswordPolicy.preload();
      return new PasswordHasher(config.integer(ConfigKey.AUTH_PASSWORD_ITERATIONS));
    }, false);
    return Future.all(bank, tokens, metrics, hasher)
        .map(all -> {
          CuecardServer server = new CuecardServer(vertx, services(vertx, config, db.result(), tokens.result(),
              bank.result(), hasher.result(), metrics.result()));
          LOG.info("loaded " + bank.result().bank().size() + " cards from " + bank.result().bank().sources().size()
              + " bank files; data in " + db.result().describe() + " ("
              + (System.currentTimeMillis() - started) + " ms)");
          return server;
        })
        .compose(server -> server.deploy().map(server))
        .compose(server -> OpsRoutes.startManagement(vertx, server.services)
            .map(m -> {
              server.management = m;
              return server;
            })
            // a management port that cannot be had stops the whole server, store and lock included
            .recover(e -> server.stop().transform(stopped -> Future.<CuecardServer>failedFuture(
                "cannot listen on metrics.port: " + e.getMessage()))))
        .onFailure(e -> {
          // wait for the store even when the bank failed first, so the file is never left open
          db.onSuccess(Database::close);
          metrics.onSuccess(Metrics::close);
        });
  }

  /** The signing secret: configured, else kept in the data directory (SQLite) or the database (PostgreSQL). */
  private static Future<String> secret(Vertx vertx, Config config, Database db) {
    String configured = config.string(ConfigKey.AUTH_JWT_SECRET);
    if (!configured.isEmpty()) {
      return Future.succeededFuture(configured);
    }
    if (!config.string(ConfigKey.STORE_URL).isEmpty()) {
      return new ServerKeys(db).getOrCreate("jwt", Tokens.newSecret(), System.currentTimeMillis());
    }
    return vertx.executeBlocking(() -> Tokens.loadOrCreateSecret(config.dataDir()), false);
  }

  private static Services services(Vertx vertx, Config config, Database db, Tokens tokens, LiveBank bank,
                                   PasswordHasher hasher, Metrics metrics) {
    boolean discard = config.bool(ConfigKey.BENCH_DISCARD_WRITES);
    if (discard) {
      LOG.warning("bench.discardWrites is on: live snippets, cues and answers are acknowledged but NOT stored"
          + " (for benchmarks only)");
    }
    Transcripts transcripts = new Transcripts(db, discard);
    Coaching coaching = new Coaching(db, discard, config.integer(ConfigKey.LIMITS_NOTES_PER_SESSION));
    Stories stories = new Stories(db);
    MyAnswers myAnswers = new MyAnswers(db);
    UserBanks userBanks = new UserBanks(db);
    RememberedWordings remembered = new RememberedWordings(db);
    OwnCards ownCards = new OwnCards(vertx, userBanks, remembered, bank, metrics);
    DrillHistory drillHistory = new DrillHistory(db);
    Rooms rooms = new Rooms(vertx, bank, transcripts, coaching, stories, myAnswers, ownCards, drillHistory, metrics,
        config.integer(ConfigKey.ROOM_GRACE_SECONDS) * 1000L, config.integer(ConfigKey.COACH_ANSWER_SECONDS) * 1000L,
        config.integer(ConfigKey.MATCH_SPECULATE_MILLIS));
    Users users = new Users(db);
    LoginThrottle throttle = new LoginThrottle(config.integer(ConfigKey.AUTH_ATTEMPTS_PER_MINUTE),
        config.integer(ConfigKey.AUTH_FREE_FAILURES), config.integer(ConfigKey.AUTH_REGISTRATIONS_PER_HOUR));
    LiveSockets sockets = new LiveSockets(config.integer(ConfigKey.LIMITS_MAX_SOCKETS),
        config.integer(ConfigKey.LIMITS_SOCKETS_PER_USER));
    return new Services(vertx, config, db, users, new Sessions(db), transcripts, coaching, stories, myAnswers,
        userBanks, remembered, ownCards, drillHistory, new Invites(db), tokens, hasher, new HashPool(vertx), throttle, new Revocations(users, 1000L * config.integer(ConfigKey.AUTH_TOKEN_CHECK_SECONDS)), sockets,
        new ClientAddress(config.list(ConfigKey.SERVER_TRUSTED_PROXIES)),
        new HostPolicy(config.string(ConfigKey.SERVER_PUBLIC_URL), config.list(ConfigKey.SERVER_ALLOWED_HOSTS)),
        new LocalAccess(config),
        new BrowserPolicy(config.string(ConfigKey.SERVER_PUBLIC_URL)),
        new AddressConnections(config.integer(ConfigKey.LIMITS_CONNECTIONS_PER_ADDRESS),
            config.list(ConfigKey.SERVER_TRUSTED_PROXIES)),
        bank, rooms, metrics);
  }

  private Future<Void> deploy() {
    int configured = services.config().integer(ConfigKey.SERVER_INSTANCES);
    int instances = configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors());
    List<HttpVerticle> started = new CopyOnWriteArrayList<>();
    // the account announcements' listener is known to the cluster before the first request is
    // served, so no logout made elsewhere can pass this node by; open sockets are checked again
    // at half the token cache's life, for an announcement lost anyway
    accounts = AccountEvents.listen(services);
    recheckTimer = vertx.setPeriodic(services.revocations().freshMs() / 2, t -> AccountEvents.recheckAll(services));
    // instances of one deployment share the listening socket, a random port (0) included
    return accounts.completion().compose(ready -> vertx.deployVerticle(() -> {
          HttpVerticle v = new HttpVerticle(services, services.config().integer(ConfigKey.SERVER_PORT));
          started.add(v);
          return v;
        }, new DeploymentOptions().setInstances(instances)))
        .map(id -> {
          deployments.add(id);
          watchBank();
          sweepTimer = vertx.setPeriodic(SWEEP_MS, t -> services.throttle().sweep(System.currentTimeMillis()));
          // lexical matching serves at once; warm-up and the semantic index follow a moment later, so
          // they do not compete with the first requests for the CPU. A plain daemon thread: nothing
          // waits for it, and a server stopped meanwhile has no event loop left to report back to.
          backgroundTimer = vertx.setTimer(BACKGROUND_DELAY_MS, t -> {
            Thread warm = new Thread(() -> {
              try {
                services.bank().warmUp();
                services.bank().buildSemantic();
              } catch (RuntimeException | LinkageError e) { // LinkageError: no ONNX natives for this platform
                LOG.warning("semantic matching unavailable: " + e);
              }
            }, "cuecard-warm-up");
            warm.setDaemon(true);
            warm.start();
          });
          port = started.get(0).actualPort();
          services.db().listening(port);
          LOG.info("Cuecard listening on http://" + services.config().string(ConfigKey.SERVER_HOST) + ":" + port
              + " with " + instances + " event-loop instance(s), " + (System.currentTimeMillis()
              - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start");
          return (Void) null;
        })
        .onFailure(e -> { // a Vert.x the caller keeps (a test's, a cluster member's) is left as it was
          vertx.cancelTimer(recheckTimer);
          accounts.unregister();
        });
  }

  /** Polls user bank folders and swaps in a rebuilt matcher when a file changes. */
  private void watchBank() {
    int seconds = services.config().integer(ConfigKey.BANK_RELOAD_SECONDS);
    if (seconds == 0 || services.config().list(ConfigKey.BANK_DIRS).isEmpty()) {
      return;
    }
    boolean[] running = {false};
    reloadTimer = vertx.setPeriodic(seconds * 1000L, t -> {
      if (!running[0]) {
        running[0] = true;
        vertx.executeBlocking(services.bank()::reloadIfChanged, false).onComplete(r -> running[0] = false);
      }
    });
  }

  public int port() {
    return port;
  }

  /**
   * The key of this start's "on this computer" link ({@code /#local=<key>}), or null when the
   * server is not bound to loopback (or auth.localAccount is off).
   */
  public String localKey() {
    return services.localAccess().key();
  }

  public String host() {
    return services.config().string(ConfigKey.SERVER_HOST);
  }

  /** Stops accepting connections, lets queued writes finish, and closes the store. */
  public Future<Void> stop() {
    vertx.cancelTimer(backgroundTimer);
    vertx.cancelTimer(sweepTimer);
    vertx.cancelTimer(recheckTimer);
    if (accounts != null) {
      accounts.unregister();
    }
    if (reloadTimer >= 0) {
      vertx.cancelTimer(reloadTimer);
    }
    Future<Void> undeployed = management == null ? Future.succeededFuture() : management.close();
    for (String id : deployments) {
      undeployed = undeployed.compose(v -> vertx.undeploy(id));
    }
    return undeployed
        .andThen(v -> services.rooms().close())
        .andThen(v -> services.ownCards().close())
        .andThen(v -> services.hashPool().close())
        .andThen(v -> services.metrics().close())
        .compose(v -> services.db().call(c -> null))
        .eventually(() -> {
          services.db().close();
          return Future.succeededFuture();
        })
        .mapEmpty();
  }
}

package dev.cuecard.cli;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import dev.cuecard.cli.Main.UsageException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code cuecard loadgen}: opens N authenticated WebSocket sessions against a running server over
 * loopback, replays a realistic interview in each (interviewer interim and final snippets at
 * speech pace, candidate answers), and reports throughput, client-side cue latency, errors and
 * the server's memory. Bounded in sessions and time; it stops by itself.
 */
final class LoadGen {

  /** The servers to spread sockets over (nodes of a cluster, or one server); the first also serves the API calls. */
  private final List<URI> servers;
  private final URI base;
  /** Each session's interviewer speaks through a partner socket on the next server, the candidate on its own. */
  private final boolean partner;
  private final int sessions;
  private final int durationSec;
  private final int rampSec;
  private final boolean idle;
  /** Offer permessage-deflate, as browsers do (the server declines it since issue #10). */
  private final boolean deflate;
  /** Share of questions asked in words unlike any card (from loadgen/reworded.txt): the semantic path. */
  private final double reworded;
  private final List<String> rewordedQuestions;
  private final PrintStream out;
  private final List<Card> cards;
  private final LoadStats stats = new LoadStats();
  private final LoadConversation.Workload workload;
  private volatile boolean stopping;
  /** Cues before this instant (ramp-up and JIT warm-up) are counted but not in the latency figures. */
  private volatile long measureFrom;

  private final int warmupSec;

  private LoadGen(List<URI> servers, boolean partner, int sessions, int durationSec, int rampSec, int warmupSec,
                  boolean idle, boolean deflate, double reworded, PrintStream out) throws IOException {
    this.servers = servers;
    this.partner = partner;
    this.deflate = deflate;
    this.warmupSec = warmupSec;
    this.base = servers.get(0);
    this.sessions = sessions;
    this.durationSec = durationSec;
    this.rampSec = rampSec;
    this.idle = idle;
    this.reworded = reworded;
    this.rewordedQuestions = rewordedQuestions();
    this.out = out;
    this.cards = BankLoader.load(true, List.of()).cards().stream().filter(c -> !c.aliases().isEmpty()).toList();
    this.workload = new LoadConversation.Workload(cards, rewordedQuestions, reworded, idle, stats, () -> measureFrom,
        () -> stopping);
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String server = "http://127.0.0.1:8080";
    int sessions = 100;
    int duration = 30;
    int ramp = 5;
    int warmup = -1;
    boolean idle = false;
    boolean deflate = false;
    boolean partner = false;
    double reworded = 0;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--server" -> server = Args.value(args, ++i, "loadgen", a);
        case "--sessions" -> sessions = Args.integer(args, ++i, "loadgen", a, 1, 20_000);
        case "--duration" -> duration = Args.integer(args, ++i, "loadgen", a, 1, 3600);
        case "--ramp" -> ramp = Args.integer(args, ++i, "loadgen", a, 0, 600);
        case "--warmup" -> warmup = Args.integer(args, ++i, "loadgen", a, 0, 600);
        case "--idle" -> idle = true;
        case "--deflate" -> deflate = true;
        case "--partner" -> partner = true;
        case "--reworded" -> reworded = Args.fraction(args, ++i, "loadgen", a);
        default -> throw new UsageException("loadgen: unexpected argument '" + a + "'");
      }
    }
    List<URI> servers = new ArrayList<>();
    for (String url : server.split(",")) {
      URI base = URI.create(url.trim().endsWith("/") ? url.trim() : url.trim() + "/");
      if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost()) && !"[::1]".equals(base.getHost())) {
        throw new UsageException("loadgen only targets servers on this machine (127.0.0.1, localhost or [::1])");
      }
      servers.add(base);
    }
    try {
      return new LoadGen(servers, partner, sessions, duration, ramp, warmup < 0 ? ramp + 5 : warmup, idle, deflate,
          reworded, out).go();
    } catch (IOException | RuntimeException e) {
      err.println("loadgen failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }


  private static List<String> rewordedQuestions() throws IOException {
    try (var in = LoadGen.class.getResourceAsStream("/loadgen/reworded.txt")) {
      if (in == null) {
        throw new IOException("loadgen/reworded.txt is missing from the jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }


  private int go() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    String user = "loadgen-" + Long.toHexString(System.nanoTime());
    String token = new JsonObject(post(http, "api/auth/register",
        new JsonObject().put("username", user).put("password", "load generator password"), null)).getString("token");
    out.printf(Locale.ROOT, "creating %d sessions as %s%s%n", sessions, user, partner ? ", each with a partner invite" : "");
    List<String> ids = createSessions(http, token);
    Map<String, String> invites = partner ? invites(http, token, ids) : Map.of();

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setBlockedThreadCheckInterval(10_000));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(2 * sessions + 10).setConnectTimeout(20_000).setTryUsePerMessageCompression(deflate));
    long startNanos = System.nanoTime();
    long end = startNanos + TimeUnit.SECONDS.toNanos(durationSec);
    measureFrom = startNanos + TimeUnit.SECONDS.toNanos(warmupSec);
    CountDownLatch done = new CountDownLatch(1);
    Random random = new Random(42);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      long delay = rampSec == 0 ? 1 : Math.max(1, (long) rampSec * 1000 * i / ids.size());
      long seed = random.nextLong();
      URI candidateServer = servers.get(i % servers.size());
      URI partnerServer = servers.get((i + 1) % servers.size());
      vertx.setTimer(delay, t -> open(vertx, client, token, id, invites.get(id), candidateServer, partnerServer,
          new Random(seed)));
    }
    vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()), t -> {
      stopping = true;
      done.countDown();
    });
    long lastReport = System.nanoTime();
    long lastSent = 0;
    while (!done.await(5, TimeUnit.SECONDS)) {
      long now = System.nanoTime();
      long s = stats.sent.sum();
      out.printf(Locale.ROOT, "  %3ds  connected %d  snippets/s %.0f  cues %d%n",
          TimeUnit.NANOSECONDS.toSeconds(now - startNanos), stats.connected.get(),
          (s - lastSent) / ((now - lastReport) / 1e9), stats.cues.sum());
      lastReport = now;
      lastSent = s;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String metrics = get(http, "metrics");
    stats.report(out, seconds, metrics, sessions, warmupSec);
    if (servers.size() > 1 || partner) {
      out.printf(Locale.ROOT, "servers         %s%s%n", servers, partner
          ? "; each session's candidate on one, its partner (the interviewer) on the next" : "");
    }
    client.close();
    vertx.close();
    return stats.connectFailures.get() == 0 && stats.errors.isEmpty() ? 0 : 1;
  }

  private List<String> createSessions(HttpClient http, String token) throws InterruptedException {
    List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      inFlight.acquire();
      HttpRequest req = HttpRequest.newBuilder(base.resolve("api/sessions")).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("title", "load " + i).encode())).build();
      all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
        inFlight.release();
        if (e == null && r.statusCode() == 201) {
          ids.add(new JsonObject(r.body()).getString("id"));
        } else {
          stats.sessionRefused(e == null ? r.statusCode() : 0);
        }
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return ids;
  }

  /** Partner invites for the sessions (session id to invite token). */
  private Map<String, String> invites(HttpClient http, String token, List<String> ids)
      throws IOException, InterruptedException {
    Map<String, String> out = new HashMap<>();
    for (String id : ids) {
      out.put(id, new JsonObject(post(http, "api/sessions/" + id + "/invites", new JsonObject(), token)).getString("token"));
    }
    return out;
  }

  /**
   * One simulated session: connect (the candidate, and with --partner a partner on the next
   * server), then loop interviewer question (interims, final) and candidate answer.
   */
  private void open(Vertx vertx, WebSocketClient client, String token, String sessionId, String invite,
                    URI candidateServer, URI partnerServer, Random random) {
    if (stopping) {
      return;
    }
    LoadConversation c = new LoadConversation(workload, vertx, invite != null, random);
    // each socket has its handlers before it connects: client.connect(...) resumes the socket before
    // its future's listeners run, so a welcome arriving in between would reach no handler
    ClientWebSocket candidate = c.candidateSocket(client.webSocket());
    candidate.connect(options(candidateServer, sessionId, "", token))
        .onSuccess(c::candidateConnected).onFailure(stats::connectFailed);
    if (invite != null) {
      ClientWebSocket partner = c.partnerSocket(client.webSocket());
      partner.connect(options(partnerServer, sessionId, "?role=partner", invite))
          .onSuccess(c::partnerConnected).onFailure(stats::connectFailed);
    }
  }

  private static WebSocketConnectOptions options(URI server, String sessionId, String query, String token) {
    return new WebSocketConnectOptions().setHost(server.getHost()).setPort(server.getPort())
        .setURI("/ws/sessions/" + sessionId + query).addHeader("Authorization", "Bearer " + token);
  }

  private String post(HttpClient http, String path, JsonObject body, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private String get(HttpClient http, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}

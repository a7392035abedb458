package dev.cuecard.cli;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import dev.cuecard.cli.Main.UsageException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cuecard loadgen}: opens N authenticated WebSocket sessions against a running server over
 * loopback, replays a realistic interview in each (interviewer interim and final snippets at
 * speech pace, candidate answers), and reports throughput, client-side cue latency, errors and
 * the server's memory. Bounded in sessions and time; it stops by itself.
 */
final class LoadGen {
  private static final Pattern METRIC = Pattern.compile(
      "(?m)^(cuecard_jvm_heap_used_bytes|process_resident_memory_bytes) (\\d+)");

  private final URI base;
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
  private final LongAdder sent = new LongAdder();
  private final LongAdder cues = new LongAdder();
  private final LongAdder interimCues = new LongAdder();
  private final LongAdder acks = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger connectFailures = new AtomicInteger();
  /** Per cue: nanoseconds from sending the triggering snippet to receiving the cue, and its source. */
  private final List<long[]> latencies = new ArrayList<>();
  private static final List<String> SOURCES = List.of("match", "semantic", "ask");
  private volatile boolean stopping;
  /** Cues before this instant (ramp-up and JIT warm-up) are counted but not in the latency figures. */
  private volatile long measureFrom;

  private final int warmupSec;

  private LoadGen(URI base, int sessions, int durationSec, int rampSec, int warmupSec, boolean idle, boolean deflate,
                  double reworded, PrintStream out) throws IOException {
    this.deflate = deflate;
    this.warmupSec = warmupSec;
    this.base = base;
    this.sessions = sessions;
    this.durationSec = durationSec;
    this.rampSec = rampSec;
    this.idle = idle;
    this.reworded = reworded;
    this.rewordedQuestions = rewordedQuestions();
    this.out = out;
    this.cards = BankLoader.load(true, List.of()).cards().stream().filter(c -> !c.aliases().isEmpty()).toList();
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String server = "http://127.0.0.1:8080";
    int sessions = 100;
    int duration = 30;
    int ramp = 5;
    int warmup = -1;
    boolean idle = false;
    boolean deflate = false;
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
        case "--reworded" -> reworded = Args.fraction(args, ++i, "loadgen", a);
        default -> throw new UsageException("loadgen: unexpected argument '" + a + "'");
      }
    }
    URI base = URI.create(server.endsWith("/") ? server : server + "/");
    if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost()) && !"[::1]".equals(base.getHost())) {
      throw new UsageException("loadgen only targets a server on this machine (127.0.0.1, localhost or [::1])");
    }
    try {
      return new LoadGen(base, sessions, duration, ramp, warmup < 0 ? ramp + 5 : warmup, idle, deflate, reworded,
          out).go();
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
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String user = "loadgen-" + Long.toHexString(System.nanoTime());
    String token = new JsonObject(post(http, "api/auth/register",
        new JsonObject().put("username", user).put("password", "load generator password"), null)).getString("token");
    out.printf(Locale.ROOT, "creating %d sessions as %s%n", sessions, user);
    List<String> ids = createSessions(http, token);

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setBlockedThreadCheckInterval(10_000));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(sessions + 10).setConnectTimeout(20_000).setTryUsePerMessageCompression(deflate));
    long startNanos = System.nanoTime();
    long end = startNanos + TimeUnit.SECONDS.toNanos(durationSec);
    measureFrom = startNanos + TimeUnit.SECONDS.toNanos(warmupSec);
    CountDownLatch done = new CountDownLatch(1);
    Random random = new Random(42);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      long delay = rampSec == 0 ? 1 : Math.max(1, (long) rampSec * 1000 * i / ids.size());
      long seed = random.nextLong();
      vertx.setTimer(delay, t -> open(vertx, client, token, id, new Random(seed)));
    }
    vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()), t -> {
      stopping = true;
      done.countDown();
    });
    long lastReport = System.nanoTime();
    long lastSent = 0;
    while (!done.await(5, TimeUnit.SECONDS)) {
      long now = System.nanoTime();
      long s = sent.sum();
      out.printf(Locale.ROOT, "  %3ds  connected %d  snippets/s %.0f  cues %d%n",
          TimeUnit.NANOSECONDS.toSeconds(now - startNanos), connected.get(),
          (s - lastSent) / ((now - lastReport) / 1e9), cues.sum());
      lastReport = now;
      lastSent = s;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String metrics = get(http, "metrics");
    report(seconds, metrics);
    client.close();
    vertx.close();
    return connectFailures.get() == 0 && errors.isEmpty() ? 0 : 1;
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
          errors.computeIfAbsent("create_session", k -> new LongAdder()).increment();
        }
      }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    return ids;
  }

  /** One simulated session: connect, then loop interviewer question (interims, final) and candidate answer. */
  private void open(Vertx vertx, WebSocketClient client, String token, String sessionId, Random random) {
    if (stopping) {
      return;
    }
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
        .setURI("/ws/sessions/" + sessionId).addHeader("Authorization", "Bearer " + token);
    client.connect(o).onSuccess(ws -> new Conversation(vertx, ws, random).start())
        .onFailure(e -> connectFailures.incrementAndGet());
  }

  private final class Conversation {
    private final Vertx vertx;
    private final WebSocket ws;
    private final Random random;
    private final Map<String, Long> sentAt = new HashMap<>();
    private long seq;

    Conversation(Vertx vertx, WebSocket ws, Random random) {
      this.vertx = vertx;
      this.ws = ws;
      this.random = random;
    }

    void start() {
      ws.textMessageHandler(this::onMessage);
      ws.closeHandler(v -> connected.decrementAndGet());
    }

    private void onMessage(String text) {
      long now = System.nanoTime();
      if (text.startsWith("{\"type\":\"ack\"")) {
        acks.increment(); // the commonest message: counted without parsing, to keep the client light
        return;
      }
      if (!(text.startsWith("{\"type\":\"cue\"") || text.startsWith("{\"type\":\"welcome\"")
          || text.startsWith("{\"type\":\"error\""))) {
        return; // transcript echoes and coaching updates are not measured
      }
      JsonObject m = new JsonObject(text);
      switch (m.getString("type", "")) {
        case "welcome" -> {
          seq = m.getLong("lastSeq");
          peak.accumulateAndGet(connected.incrementAndGet(), Math::max);
          if (idle) {
            vertx.setPeriodic(30_000, t -> send(new JsonObject().put("type", "ping")));
          } else {
            vertx.setTimer(1 + random.nextInt(2000), t -> question());
          }
        }
        case "cue" -> {
          cues.increment();
          Long at = sentAt.get(m.getString("heard"));
          if (at != null && at >= measureFrom) {
            synchronized (latencies) {
              latencies.add(new long[] {now - at, SOURCES.indexOf(m.getString("source", "match"))});
            }
          }
          if (!m.getBoolean("final", true)) {
            interimCues.increment();
          }
        }
        case "ack" -> acks.increment();
        case "error" -> errors.computeIfAbsent(m.getString("code", "?"), k -> new LongAdder()).increment();
        default -> { }
      }
    }

    /** Speaks one question at about 150 words a minute: a growing interim every 0.5 s, then the final text. */
    private void question() {
      if (stopping) {
        ws.close();
        return;
      }
      String question;
      if (random.nextDouble() < reworded) {
        question = rewordedQuestions.get(random.nextInt(rewordedQuestions.size()));
      } else {
        Card card = cards.get(random.nextInt(cards.size()));
        List<String> phrasings = new ArrayList<>(card.aliases());
        phrasings.add(card.question());
        question = phrasings.get(random.nextInt(phrasings.size()));
      }
      String[] words = question.toLowerCase(Locale.ROOT).replaceAll("[?!.,]", "").split("\\s+");
      sentAt.clear();
      speak(words, 2);
    }

    private void speak(String[] words, int n) {
      if (stopping) {
        ws.close();
        return;
      }
      boolean fin = n >= words.length;
      String text = String.join(" ", Arrays.copyOf(words, Math.min(n, words.length)));
      snippet("interviewer", text, fin);
      if (fin) {
        vertx.setTimer(800, t -> answer(2 + random.nextInt(3)));
      } else {
        vertx.setTimer(500, t -> speak(words, n + 2));
      }
    }

    private void answer(int sentencesLeft) {
      if (stopping) {
        ws.close();
        return;
      }
      if (sentencesLeft == 0) {
        vertx.setTimer(1000, t -> question());
        return;
      }
      Card c = cards.get(random.nextInt(cards.size()));
      snippet("candidate", c.keyPoints().get(random.nextInt(c.keyPoints().size())).text() + " and for example we"
          + " measured it in production", true);
      vertx.setTimer(2000 + random.nextInt(1000), t -> answer(sentencesLeft - 1));
    }

    private void snippet(String speaker, String text, boolean fin) {
      sentAt.put(text, System.nanoTime());
      send(new JsonObject().put("type", "snippet").put("speaker", speaker).put("text", text).put("final", fin)
          .put("seq", ++seq).put("ts", System.currentTimeMillis()));
    }

    private void send(JsonObject m) {
      if (!ws.isClosed()) {
        ws.writeTextMessage(m.encode());
        sent.increment();
      }
    }
  }

  private void report(double seconds, String metrics) {
    long[] ns;
    long[] lexical;
    long[] semantic;
    synchronized (latencies) {
      ns = latencies.stream().mapToLong(x -> x[0]).sorted().toArray();
      lexical = latencies.stream().filter(x -> x[1] == 0).mapToLong(x -> x[0]).sorted().toArray();
      semantic = latencies.stream().filter(x -> x[1] == 1).mapToLong(x -> x[0]).sorted().toArray();
    }
    Map<String, Long> server = new HashMap<>();
    Matcher m = METRIC.matcher(metrics);
    while (m.find()) {
      server.put(m.group(1), Long.parseLong(m.group(2)));
    }
    out.printf(Locale.ROOT, "%nsessions        %d requested, %d connected at peak, %d connect failures%n", sessions,
        peak.get(), connectFailures.get());
    out.printf(Locale.ROOT, "duration        %.1f s%n", seconds);
    out.printf(Locale.ROOT, "snippets sent   %d (%.0f/s), acks %d%n", sent.sum(), sent.sum() / seconds, acks.sum());
    out.printf(Locale.ROOT, "cues            %d (%d on interim snippets)%n", cues.sum(), interimCues.sum());
    latency("cue latency", ns);
    latency("  lexical", lexical);
    latency("  semantic", semantic);
    out.printf(Locale.ROOT, "                (client-side, from sending the snippet that triggered the cue to receiving it;"
        + " cues of the first %d s of ramp-up and warm-up not counted)%n", warmupSec);
    out.printf(Locale.ROOT, "errors          %s%n", errors.isEmpty() ? "none" : errors.toString());
    out.printf(Locale.ROOT, "server memory   heap used %.0f MiB, RSS %.0f MiB%n",
        server.getOrDefault("cuecard_jvm_heap_used_bytes", -1L) / 1048576.0,
        server.getOrDefault("process_resident_memory_bytes", -1L) / 1048576.0);
  }

  private void latency(String label, long[] ns) {
    if (ns.length > 0) {
      out.printf(Locale.ROOT, "%-15s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)%n", label,
          pct(ns, 0.50), pct(ns, 0.90), pct(ns, 0.99), ns[ns.length - 1] / 1e6, ns.length);
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
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

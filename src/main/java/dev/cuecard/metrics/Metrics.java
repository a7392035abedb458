package dev.cuecard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cuecard's metrics in a Micrometer registry, rendered in the Prometheus text format at /metrics
 * together with the JVM's (heap and other memory pools, GC pauses, threads, class loading, CPU)
 * and, when the Vert.x instance was built with {@link Observability}, Vert.x's own (HTTP server,
 * event bus, worker pools). Recording is lock-free and cheap enough for every snippet.
 */
public final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final AtomicLong connections = new AtomicLong();
  private final Counter accepted;
  private final Counter snippetsInterim;
  private final Counter snippetsFinal;
  private final Counter cues;
  private final Map<String, Counter> speculations = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();
  private final Map<String, Counter> corrections = new ConcurrentHashMap<>();
  private final Timer matchLatency;
  private final Timer semanticLatency;
  private final Timer loopDelay;
  private final Timer ownEmbedding;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final long startedAt = System.currentTimeMillis();
  /** The meters this instance made, removed on close so a server started again on the same Vert.x starts afresh. */
  private final List<Meter> own = new CopyOnWriteArrayList<>();

  public Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    own(Gauge.builder("cuecard.websocket.connections", connections, AtomicLong::get)
        .description("Open WebSocket connections").register(registry));
    accepted = own(Counter.builder("cuecard.websocket.accepted").description("WebSocket connections accepted")
        .register(registry));
    snippetsInterim = own(snippets(registry, "false"));
    snippetsFinal = own(snippets(registry, "true"));
    cues = own(Counter.builder("cuecard.cues").description("Cue cards pushed").register(registry));
    matchLatency = own(Timer.builder("cuecard.match.latency")
        .description("Time to detect and match one interviewer snippet")
        .serviceLevelObjectives(micros(50), micros(100), micros(250), micros(500), millis(1), micros(2500), millis(5),
            millis(10), millis(25), millis(100))
        .register(registry));
    semanticLatency = own(Timer.builder("cuecard.semantic.latency")
        .description("Time to embed and match one question the lexical matcher could not place")
        .serviceLevelObjectives(millis(1), micros(2500), millis(5), millis(10), millis(25), millis(50), millis(100),
            millis(250))
        .register(registry));
    loopDelay = own(Timer.builder("cuecard.event.loop.delay")
        .description("How late a 100 ms timer fires on the HTTP event loops: work queued ahead of it")
        .serviceLevelObjectives(millis(1), millis(5), millis(10), millis(50), millis(100), millis(500), millis(1000))
        .distributionStatisticExpiry(Duration.ofMinutes(1))
        .register(registry));
    ownEmbedding = own(Timer.builder("cuecard.own.cards.embedding")
        .description("Time to embed one user's own cards so they match by meaning (once per user and edit)")
        .serviceLevelObjectives(millis(100), millis(500), millis(1000), millis(5000), millis(20000))
        .register(registry));
    own(Gauge.builder("cuecard.jvm.heap.used", () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
        .description("JVM heap in use").baseUnit("bytes").register(registry));
    own(Gauge.builder("process.resident.memory", Metrics::residentBytes)
        .description("Resident memory of the server process (Linux)").baseUnit("bytes").register(registry));
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private <M extends Meter> M own(M meter) {
    own.add(meter);
    return meter;
  }

  private static Counter snippets(MeterRegistry registry, String isFinal) {
    return Counter.builder("cuecard.snippets").description("Transcript snippets received").tag("final", isFinal)
        .register(registry);
  }

  private static Duration micros(long n) {
    return Duration.ofNanos(n * 1000);
  }

  private static Duration millis(long n) {
    return Duration.ofMillis(n);
  }

  public void connectionOpened() {
    connections.incrementAndGet();
    accepted.increment();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public long openConnections() {
    return connections.get();
  }

  public void snippet(boolean isFinal) {
    (isFinal ? snippetsFinal : snippetsInterim).increment();
  }

  public void cue() {
    cues.increment();
  }

  /**
   * A speculative embedding of an interim snippet: {@code card} shown, {@code none}, or {@code busy}
   * (skipped); {@code final}: a final question decided from the ranking its words got at the pause.
   */
  public void speculation(String outcome) {
    speculations.computeIfAbsent(outcome, k -> own(Counter.builder("cuecard.speculations")
        .description("Interim snippets embedded at a pause, by outcome, and finals decided from their ranking").tag("outcome", k).register(registry)))
        .increment();
  }

  /**
   * A card asked from the one on screen's {@code alternatives} or from a fallback's {@code related}
   * cards: the matcher's card was not the one wanted, or there was none. Counts only, no text.
   */
  public void correction(String from) {
    corrections.computeIfAbsent(from, k -> own(Counter.builder("cuecard.cue.corrections")
        .description("Cards asked from the alternatives of the card on screen or a fallback's related cards")
        .tag("from", k).register(registry))).increment();
  }

  public void error(String code) {
    errors.computeIfAbsent(code, k -> own(Counter.builder("cuecard.errors")
        .description("Errors sent to clients and connections refused, by code").tag("code", k).register(registry)))
        .increment();
  }

  public void matchLatencyNanos(long nanos) {
    matchLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void semanticLatencyNanos(long nanos) {
    semanticLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void ownCardsEmbeddedNanos(long nanos) {
    ownEmbedding.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void eventLoopDelayNanos(long nanos) {
    loopDelay.record(nanos, TimeUnit.NANOSECONDS);
  }

  public long uptimeMillis() {
    return System.currentTimeMillis() - startedAt;
  }

  /** Prometheus text exposition format 0.0.4. Reads /proc for the RSS gauge: call it off the event loop. */
  public String render() {
    return registry.scrape();
  }

  /** Unhooks the GC listener and removes this server's meters (the registry belongs to the Vert.x instance). */
  @Override
  public void close() {
    gc.close();
    own.forEach(registry::remove);
  }

  /** VmRSS from /proc/self/status (Linux); -1 elsewhere. */
  static double residentBytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}

package dev.cuecard.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The few server metrics Cuecard exposes, rendered in the Prometheus text format at /metrics.
 * Lock-free counters and a fixed-bucket latency histogram: cheap enough for every snippet.
 */
public final class Metrics {
  private final AtomicLong connections = new AtomicLong();
  private final LongAdder connectionsTotal = new LongAdder();
  private final LongAdder snippetsInterim = new LongAdder();
  private final LongAdder snippetsFinal = new LongAdder();
  private final LongAdder cues = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Histogram matchLatency = new Histogram(
      new double[] {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1});
  private final Histogram semanticLatency = new Histogram(
      new double[] {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25});
  private final long startedAt = System.currentTimeMillis();

  public void connectionOpened() {
    connections.incrementAndGet();
    connectionsTotal.increment();
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

  public void error(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  public void matchLatencyNanos(long nanos) {
    matchLatency.observe(nanos / 1e9);
  }

  public void semanticLatencyNanos(long nanos) {
    semanticLatency.observe(nanos / 1e9);
  }

  public long uptimeMillis() {
    return System.currentTimeMillis() - startedAt;
  }

  /** Prometheus text exposition format 0.0.4. */
  public String render() {
    StringBuilder sb = new StringBuilder(2048);
    gauge(sb, "cuecard_websocket_connections", "Open WebSocket connections", connections.get());
    counter(sb, "cuecard_websocket_connections_total", "WebSocket connections accepted", connectionsTotal.sum());
    sb.append("# HELP cuecard_snippets_total Transcript snippets received\n# TYPE cuecard_snippets_total counter\n");
    sb.append("cuecard_snippets_total{final=\"false\"} ").append(snippetsInterim.sum()).append('\n');
    sb.append("cuecard_snippets_total{final=\"true\"} ").append(snippetsFinal.sum()).append('\n');
    counter(sb, "cuecard_cues_total", "Cue cards pushed", cues.sum());
    sb.append("# HELP cuecard_errors_total Error messages sent to clients, by code\n# TYPE cuecard_errors_total counter\n");
    errors.forEach((code, n) -> sb.append("cuecard_errors_total{code=\"").append(code).append("\"} ")
        .append(n.sum()).append('\n'));
    matchLatency.render(sb, "cuecard_match_latency_seconds", "Time to detect and match one interviewer snippet");
    semanticLatency.render(sb, "cuecard_semantic_latency_seconds",
        "Time to embed and match one question the lexical matcher could not place");
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    gauge(sb, "cuecard_jvm_heap_used_bytes", "JVM heap in use", heap.getUsed());
    gauge(sb, "cuecard_uptime_seconds", "Seconds since start", uptimeMillis() / 1000);
    long rss = residentBytes();
    if (rss >= 0) {
      gauge(sb, "process_resident_memory_bytes", "Resident memory of the server process", rss);
    }
    return sb.toString();
  }

  /** VmRSS from /proc/self/status (Linux); -1 elsewhere. */
  static long residentBytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static void gauge(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
        .append(name).append(' ').append(v).append('\n');
  }

  private static void counter(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
        .append(name).append(' ').append(v).append('\n');
  }

  /** Cumulative-bucket histogram in seconds. */
  static final class Histogram {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.buckets = new LongAdder[bounds.length];
      for (int i = 0; i < bounds.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < bounds.length; i++) {
        if (seconds <= bounds[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void render(StringBuilder sb, String name, String help) {
      sb.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name)
          .append(" histogram\n");
      long cumulative = 0;
      for (int i = 0; i < bounds.length; i++) {
        cumulative += buckets[i].sum();
        sb.append(name).append("_bucket{le=\"").append(java.math.BigDecimal.valueOf(bounds[i]).toPlainString())
            .append("\"} ").append(cumulative).append('\n');
      }
      long total = count.sum();
      sb.append(name).append("_bucket{le=\"+Inf\"} ").append(total).append('\n');
      sb.append(name).append("_sum ").append(sum.sum()).append('\n');
      sb.append(name).append("_count ").append(total).append('\n');
    }
  }
}

package dev.cuecard.cli;

import io.vertx.core.http.UpgradeRejectedException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code cuecard loadgen} counts and measures, and its closing report. */
final class LoadStats {
  static final List<String> SOURCES = List.of("match", "semantic", "ask");
  /** A cue that landed at a pause in the interviewer's speech, before the final ({@code "speculative": true}). */
  static final int SPECULATIVE = SOURCES.size();
  private static final Pattern METRIC = Pattern.compile(
      "(?m)^(cuecard_jvm_heap_used_bytes|process_resident_memory_bytes) ([0-9.eE+-]+)");

  final LongAdder sent = new LongAdder();
  final LongAdder cues = new LongAdder();
  final LongAdder interimCues = new LongAdder();
  final LongAdder acks = new LongAdder();
  final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  final AtomicInteger connected = new AtomicInteger();
  final AtomicInteger peak = new AtomicInteger();
  final AtomicInteger connectFailures = new AtomicInteger();
  /** Why sockets did not open: the server's answer to the upgrade ("HTTP 429"), else the failure's kind. */
  final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
  /** Whether the server refused a socket or a session by one of its limits (429 or 503). */
  private volatile boolean limited;
  /** Per cue: nanoseconds from sending the triggering snippet to receiving the cue, and its source. */
  final List<long[]> latencies = new ArrayList<>();
  /** Per ack: nanoseconds from sending a final snippet to its ack (the store's write included). */
  final List<Long> ackLatencies = new ArrayList<>();

  void connectFailed(Throwable e) {
    connectFailures.incrementAndGet();
    String why = e instanceof UpgradeRejectedException u ? "HTTP " + u.getStatus() : e.getClass().getSimpleName();
    limited |= e instanceof UpgradeRejectedException u && (u.getStatus() == 429 || u.getStatus() == 503);
    refusals.computeIfAbsent(why, k -> new LongAdder()).increment();
  }

  /** A session the server did not create (its answer's status, 0 when there was none). */
  void sessionRefused(int status) {
    limited |= status == 429 || status == 503;
    errors.computeIfAbsent(status == 0 ? "create_session" : "create_session HTTP " + status, k -> new LongAdder())
        .increment();
  }

  void report(PrintStream out, double seconds, String metrics, int sessions, int warmupSec) {
    long[] ns;
    long[] lexical;
    long[] semantic;
    long[] speculative;
    synchronized (latencies) {
      ns = latencies.stream().mapToLong(x -> x[0]).sorted().toArray();
      lexical = latencies.stream().filter(x -> x[1] == 0).mapToLong(x -> x[0]).sorted().toArray();
      semantic = latencies.stream().filter(x -> x[1] == 1).mapToLong(x -> x[0]).sorted().toArray();
      speculative = latencies.stream().filter(x -> x[1] == SPECULATIVE).mapToLong(x -> x[0]).sorted().toArray();
    }
    Map<String, Long> server = new HashMap<>();
    Matcher m = METRIC.matcher(metrics);
    while (m.find()) {
      server.put(m.group(1), (long) Double.parseDouble(m.group(2)));
    }
    out.printf(Locale.ROOT, "%nsessions        %d requested, %d connected at peak, %d connect failures%s%n", sessions,
        peak.get(), connectFailures.get(), refusals.isEmpty() ? "" : " " + new TreeMap<>(refusals));
    if (limited) {
      // a server started with its defaults allows 20 sockets per user: a load test must raise that
      int room = 2 * sessions + 10;
      out.printf(Locale.ROOT, "limits          the server refused sockets or sessions by its limits; for a load test start"
          + " it with --limits.socketsPerUser=%d --limits.sessionsPerHour=%d --limits.connectionsPerAddress=%d"
          + " (and --limits.maxSockets, if it is set; docs/benchmarks.md, section 1)%n", room, room, room);
    }
    out.printf(Locale.ROOT, "duration        %.1f s%n", seconds);
    out.printf(Locale.ROOT, "snippets sent   %d (%.0f/s), acks %d%n", sent.sum(), sent.sum() / seconds, acks.sum());
    out.printf(Locale.ROOT, "cues            %d (%d before their final)%n", cues.sum(), interimCues.sum());
    latency(out, "cue latency", ns);
    latency(out, "  lexical", lexical);
    latency(out, "  semantic", semantic);
    latency(out, "  at a pause", speculative);
    long[] stored;
    synchronized (ackLatencies) {
      stored = ackLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    latency(out, "ack latency", stored);
    out.printf(Locale.ROOT, "                (client-side, from sending the snippet that triggered the cue to receiving it;"
        + " at a pause: cards that landed before the final, from the interim they heard, the server's pause"
        + " (match.speculateMillis) included;"
        + " cues of the first %d s of ramp-up and warm-up not counted; ack: from sending a final to its ack)%n",
        warmupSec);
    out.printf(Locale.ROOT, "errors          %s%n", errors.isEmpty() ? "none" : errors.toString());
    out.printf(Locale.ROOT, "server memory   heap used %.0f MiB, RSS %.0f MiB%n",
        server.getOrDefault("cuecard_jvm_heap_used_bytes", -1L) / 1048576.0,
        server.getOrDefault("process_resident_memory_bytes", -1L) / 1048576.0);
  }

  private static void latency(PrintStream out, String label, long[] ns) {
    if (ns.length > 0) {
      out.printf(Locale.ROOT, "%-15s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (n=%d)%n", label,
          pct(ns, 0.50), pct(ns, 0.90), pct(ns, 0.99), ns[ns.length - 1] / 1e6, ns.length);
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

}

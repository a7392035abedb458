package dev.cuecard.cli;

import dev.cuecard.bank.Card;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One simulated session of {@code cuecard loadgen} ({@link LoadGen}), on the load generator's event
 * loop: after both sides' welcome, an interviewer question spoken as a recogniser hears it (growing
 * interims, then the final), then a candidate answer, again and again until the run stops; cues,
 * acks and errors are counted in the shared {@link LoadStats}.
 */
final class LoadConversation {
  /**
   * What every conversation shares: the cards and reworded questions to ask (and the share of the
   * latter), whether sessions only stay connected ({@code --idle}), the counters, from when cues
   * count in the latency figures, and whether the run is stopping.
   */
  record Workload(List<Card> cards, List<String> rewordedQuestions, double reworded, boolean idle, LoadStats stats,
                  LongSupplier measureFrom, BooleanSupplier stopping) {
  }

  /** One participant's socket: its seq counter and when each of its unacknowledged finals was sent. */
  private static final class Side {
    WebSocket ws;
    final Map<Long, Long> finalSentAt = new HashMap<>();
    long seq;
    boolean welcomed;
  }

  private final Workload work;
  private final LoadStats stats;
  private final Vertx vertx;
  private final Side candidate;
  private final Side interviewer;
  private final Random random;
  private final Map<String, Long> sentAt = new HashMap<>();

  LoadConversation(Workload work, Vertx vertx, boolean withPartner, Random random) {
    this.work = work;
    this.stats = work.stats();
    this.vertx = vertx;
    this.candidate = new Side();
    this.interviewer = withPartner ? new Side() : candidate;
    this.random = random;
  }

  /** The candidate's socket with its handlers (it is {@code candidate.ws} once connected). */
  ClientWebSocket candidateSocket(ClientWebSocket ws) {
    ws.textMessageHandler(text -> onMessage(candidate, text));
    ws.closeHandler(v -> stats.connected.decrementAndGet());
    return ws;
  }

  void candidateConnected(WebSocket ws) {
    candidate.ws = ws;
  }

  void partnerConnected(WebSocket ws) {
    interviewer.ws = ws;
  }

  ClientWebSocket partnerSocket(ClientWebSocket ws) {
    ws.textMessageHandler(text -> onMessage(interviewer, text));
    return ws;
  }

  private void onMessage(Side side, String text) {
    long now = System.nanoTime();
    if (text.startsWith("{\"type\":\"ack\"")) {
      acked(side, text, now); // the commonest message: read without a JSON parser, to keep the client light
      return;
    }
    if (!(text.startsWith("{\"type\":\"cue\"") || text.startsWith("{\"type\":\"welcome\"")
        || text.startsWith("{\"type\":\"error\""))) {
      return; // transcript echoes and coaching updates are not measured
    }
    JsonObject m = new JsonObject(text);
    switch (m.getString("type", "")) {
      case "welcome" -> {
        side.seq = m.getLong("lastSeq");
        side.welcomed = true;
        if (side == candidate) {
          stats.peak.accumulateAndGet(stats.connected.incrementAndGet(), Math::max);
        }
        if (candidate.welcomed && interviewer.welcomed) {
          if (work.idle()) {
            vertx.setPeriodic(30_000, t -> send(candidate, new JsonObject().put("type", "ping")));
          } else {
            vertx.setTimer(1 + random.nextInt(2000), t -> question());
          }
        }
      }
      case "cue" -> {
        if (side != candidate) {
          return; // measured where the candidate sees it (across nodes when the partner is elsewhere)
        }
        stats.cues.increment();
        Long at = sentAt.get(m.getString("heard"));
        boolean early = !m.getBoolean("final", true);
        String source = m.getString("source", "match");
        if (at != null && at >= work.measureFrom().getAsLong()) {
          synchronized (stats.latencies) {
            stats.latencies.add(new long[] {now - at, m.getBoolean("speculative", false)
                ? LoadStats.SPECULATIVE : LoadStats.SOURCES.indexOf(source)});
          }
        }
        if (early) {
          stats.interimCues.increment();
        }
      }
      case "error" -> stats.errors.computeIfAbsent(m.getString("code", "?"), k -> new LongAdder()).increment();
      default -> { }
    }
  }

  /** {"type":"ack","seq":N,...}: counts it and, after warm-up, how long its final took to be stored. */
  private void acked(Side side, String text, long now) {
    stats.acks.increment();
    int from = text.indexOf("\"seq\":") + 6;
    int to = from;
    while (to < text.length() && Character.isDigit(text.charAt(to))) {
      to++;
    }
    Long at = side.finalSentAt.remove(Long.parseLong(text.substring(from, to)));
    if (at != null && at >= work.measureFrom().getAsLong()) {
      synchronized (stats.ackLatencies) {
        stats.ackLatencies.add(now - at);
      }
    }
  }

  /**
   * Speaks one question at about 150 words a minute, as a recogniser hears it: a growing interim
   * every 0.5 s up to all the words, then the final after the end-of-speech wait.
   */
  private void question() {
    if (work.stopping().getAsBoolean()) {
      close();
      return;
    }
    String question;
    if (random.nextDouble() < work.reworded()) {
      question = work.rewordedQuestions().get(random.nextInt(work.rewordedQuestions().size()));
    } else {
      Card card = work.cards().get(random.nextInt(work.cards().size()));
      List<String> phrasings = new ArrayList<>(card.aliases());
      phrasings.add(card.question());
      question = phrasings.get(random.nextInt(phrasings.size()));
    }
    String[] words = question.toLowerCase(Locale.ROOT).replaceAll("[?!.,]", "").split("\\s+");
    sentAt.clear();
    speak(words, 2);
  }

  private void speak(String[] words, int n) {
    if (work.stopping().getAsBoolean()) {
      close();
      return;
    }
    String text = String.join(" ", Arrays.copyOf(words, Math.min(n, words.length)));
    snippet(interviewer, "interviewer", text, false);
    if (n >= words.length) {
      vertx.setTimer(Replay.END_OF_SPEECH_MS, t -> {
        snippet(interviewer, "interviewer", text, true);
        vertx.setTimer(800, t2 -> answer(2 + random.nextInt(3)));
      });
    } else {
      vertx.setTimer(500, t -> speak(words, n + 2));
    }
  }

  private void answer(int sentencesLeft) {
    if (work.stopping().getAsBoolean()) {
      close();
      return;
    }
    if (sentencesLeft == 0) {
      vertx.setTimer(1000, t -> question());
      return;
    }
    Card c = work.cards().get(random.nextInt(work.cards().size()));
    snippet(candidate, "candidate", c.keyPoints().get(random.nextInt(c.keyPoints().size())).text() + " and for example we"
        + " measured it in production", true);
    vertx.setTimer(2000 + random.nextInt(1000), t -> answer(sentencesLeft - 1));
  }

  private void snippet(Side side, String speaker, String text, boolean fin) {
    long now = System.nanoTime();
    sentAt.put(text, now);
    long seq = ++side.seq;
    if (fin) {
      side.finalSentAt.put(seq, now);
    }
    send(side, new JsonObject().put("type", "snippet").put("speaker", speaker).put("text", text).put("final", fin)
        .put("seq", seq).put("ts", System.currentTimeMillis()));
  }

  private void send(Side side, JsonObject m) {
    if (side.ws != null && !side.ws.isClosed()) {
      side.ws.writeTextMessage(m.encode());
      stats.sent.increment();
    }
  }

  private void close() {
    for (Side side : List.of(candidate, interviewer)) {
      if (side.ws != null) {
        side.ws.close();
      }
    }
  }
}

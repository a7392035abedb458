package dev.cuecard.session;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * When rooms may embed an interim interviewer snippet before its final arrives: after
 * {@code pauseMillis} without a newer snippet (the speaker paused, often at the end of the question
 * while the recogniser waits to finalise it), and only while fewer than {@code permits} such
 * embeddings are in flight server-wide. Speculation is a bonus: when the semantic workers are busy
 * it is skipped, so a final question never queues behind more than one speculative embedding per
 * worker. Shared by every room; thread-safe.
 */
final class Speculation {
  private final long pauseMillis;
  private final int permits;
  private final AtomicInteger inFlight = new AtomicInteger();

  Speculation(long pauseMillis, int permits) {
    this.pauseMillis = pauseMillis;
    this.permits = permits;
  }

  boolean on() {
    return pauseMillis > 0;
  }

  long pauseMillis() {
    return pauseMillis;
  }

  /** Takes a permit, or returns false when {@code permits} speculative embeddings are running. */
  boolean tryStart() {
    while (true) {
      int n = inFlight.get();
      if (n >= permits) {
        return false;
      }
      if (inFlight.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void done() {
    inFlight.decrementAndGet();
  }
}

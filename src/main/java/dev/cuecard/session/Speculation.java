package dev.cuecard.session;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * When rooms may embed an interim interviewer snippet before its final arrives: after
 * {@code pauseMillis} without a newer snippet (the speaker paused, often at the end of the question
 * while the recogniser waits to finalise it), only while no final question waits for the semantic
 * workers, and only while fewer than {@code permits} such embeddings are in flight server-wide.
 * Speculation is a bonus: when the workers are busy it is skipped, so a final question never
 * queues behind more than one speculative embedding per worker. Shared by every room; thread-safe.
 */
final class Speculation {
  private final long pauseMillis;
  private final int permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger finals = new AtomicInteger();

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

  /** Takes a permit, or returns false when a final waits or {@code permits} speculative embeddings are running. */
  boolean tryStart() {
    while (finals.get() == 0) {
      int n = inFlight.get();
      if (n >= permits) {
        return false;
      }
      if (inFlight.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  void done() {
    inFlight.decrementAndGet();
  }

  /** A final question went to the semantic workers: speculation waits until it is decided. */
  void finalStarted() {
    finals.incrementAndGet();
  }

  void finalDone() {
    finals.decrementAndGet();
  }
}

package dev.cuecard.server;

/** A token bucket: {@code ratePerSecond} sustained, {@code burst} at once. One per connection, event-loop only. */
final class RateLimiter {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  RateLimiter(int ratePerSecond, int burst, long nowNanos) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  boolean tryAcquire(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * ratePerNano);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}

package dev.cuecard.store;

/** A write refused because it would pass a configured limit (sessions per hour, notes or invites per session). */
public final class LimitReachedException extends RuntimeException {
  private final long retryAfterSeconds;

  public LimitReachedException(String message) {
    this(message, 0);
  }

  /** @param retryAfterSeconds when the limit frees up again, or 0 when only the user's action frees it */
  public LimitReachedException(String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

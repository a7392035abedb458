package dev.cuecard.store;

/**
 * Whether the store is writing, as the writes themselves report it. A failed write of the
 * storage kind (disk full, I/O error, damaged file) marks the store as failing; the next write
 * that succeeds clears it, except for damage, which stays until a restart checks the file again.
 * Read from any thread (/health); written from the database thread.
 */
public final class StoreHealth {
  /** What is wrong, since when (epoch ms), and whether a later successful write can clear it. */
  public record Problem(String reason, long since, boolean sticky) {
  }

  private volatile Problem problem;

  /** The current problem, or null while writes succeed. */
  public Problem problem() {
    return problem;
  }

  void failed(String reason, boolean sticky) {
    Problem p = problem;
    if (p == null || !p.sticky()) {
      problem = new Problem(reason, p == null ? System.currentTimeMillis() : p.since(), sticky);
    }
  }

  /** A write went through: a passing problem (a full disk, an I/O error) is over. */
  void wrote() {
    Problem p = problem;
    if (p != null && !p.sticky()) {
      problem = null;
    }
  }
}

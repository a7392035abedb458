package dev.cuecard.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns Vert.x's blocked-thread warnings into test failures. The Vert.x instances the tests get
 * are built from src/test/resources/vertx-test-options.json (an event-loop task may take 500 ms,
 * a quarter of the default, checked every 100 ms); every warning logged while a test server runs
 * fails that test when the server closes.
 */
public final class BlockedThreads {
  private static final Logger LOG = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
  private static final List<String> SEEN = new ArrayList<>();

  static {
    LOG.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          synchronized (SEEN) {
            SEEN.add(r.getMessage());
          }
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    });
  }

  private BlockedThreads() {
  }

  /** Starts listening (idempotent). */
  public static void watch() {
    // the static initialiser does the work
  }

  /** Fails with the warnings seen since the last call, if any, and forgets them. */
  public static void assertNone() {
    List<String> found;
    synchronized (SEEN) {
      found = new ArrayList<>(SEEN);
      SEEN.clear();
    }
    if (!found.isEmpty()) {
      throw new AssertionError("an event loop or worker was blocked: " + String.join("\n", found));
    }
  }
}

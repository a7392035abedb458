package dev.cuecard.server;

import dev.cuecard.support.BlockedThreads;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check every server test ends with really catches a blocked event loop (at 500 ms, not Vert.x's 2 s). */
@ExtendWith(VertxExtension.class)
class BlockedThreadCheckTest {
  @Test
  void aBlockedEventLoopFailsTheTest(Vertx vertx) throws Exception {
    BlockedThreads.watch();
    BlockedThreads.assertNone();
    CountDownLatch done = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      try {
        Thread.sleep(900); // what a JDBC call on the event loop would look like, exaggerated
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.countDown();
    });
    assertTrue(done.await(5, TimeUnit.SECONDS));
    Thread.sleep(300); // the checker (every 100 ms) may still be logging its last warning about this block
    AssertionError e = assertThrows(AssertionError.class, BlockedThreads::assertNone);
    assertTrue(e.getMessage().contains("blocked"), e.getMessage());
    BlockedThreads.assertNone(); // reported once, then cleared
  }
}

package dev.cuecard.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Password hashing on its own worker threads, one per core, never an event loop. At most
 * {@link #QUEUE_PER_THREAD} hashes per thread may wait; past that a request is refused with 503
 * at once, so a flood of logins can neither starve the database workers nor queue minutes of CPU.
 */
final class HashPool {
  static final int QUEUE_PER_THREAD = 16;

  private final WorkerExecutor executor;
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();

  HashPool(Vertx vertx) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.executor = vertx.createSharedWorkerExecutor("cuecard-hash", threads);
    this.limit = threads * QUEUE_PER_THREAD;
  }

  <T> Future<T> run(Callable<T> work) {
    if (inFlight.incrementAndGet() > limit) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new ApiException(503, "busy",
          "the server is checking too many passwords at once; try again in a second"));
    }
    return executor.executeBlocking(work, false).andThen(r -> inFlight.decrementAndGet());
  }

  void close() {
    executor.close();
  }
}

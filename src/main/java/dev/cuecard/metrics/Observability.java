package dev.cuecard.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Creates Vert.x instances that report their own metrics (HTTP server, event bus, worker pools,
 * through vertx-micrometer-metrics) into a Prometheus registry, and finds that registry again for
 * the server's metrics. A Vert.x made elsewhere (the tests' own) gets a registry of its own with
 * Cuecard's and the JVM's metrics only.
 */
public final class Observability {
  private static final Map<Vertx, PrometheusMeterRegistry> REGISTRIES = Collections.synchronizedMap(new WeakHashMap<>());

  private Observability() {
  }

  /** A builder for a Vert.x instance reporting into {@code registry}; register the result with {@link #built}. */
  public static VertxBuilder builder(VertxOptions options, PrometheusMeterRegistry registry) {
    // the default labels (HTTP method and code, pool type and name, event-bus side) keep cardinality bounded:
    // no per-session event-bus address and no request path becomes a label
    options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry));
  }

  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** A plain (not clustered) Vert.x with metrics. */
  public static Vertx vertx() {
    PrometheusMeterRegistry registry = newRegistry();
    return built(builder(new VertxOptions(), registry).build(), registry);
  }

  public static Future<Vertx> clustered(VertxBuilder builder, PrometheusMeterRegistry registry) {
    return builder.buildClustered().map(v -> built(v, registry));
  }

  public static Vertx built(Vertx vertx, PrometheusMeterRegistry registry) {
    REGISTRIES.put(vertx, registry);
    return vertx;
  }

  /** The registry a Vert.x reports into, or a new one for a Vert.x made without metrics. */
  public static PrometheusMeterRegistry registryOf(Vertx vertx) {
    return REGISTRIES.computeIfAbsent(vertx, v -> newRegistry());
  }
}

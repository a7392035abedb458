package dev.cuecard.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import dev.cuecard.metrics.Observability;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Starts Vert.x for this node: plain, or (with {@code cluster.enabled}) clustered over Hazelcast,
 * so the event-bus addresses of rooms and sessions reach every node. Members find each other by
 * the configured TCP/IP list only: multicast, auto-detection and Hazelcast's phone-home are off,
 * so a node talks to no one but the members it is given.
 */
public final class ClusterNode {
  /** How long a silent member stays in the cluster; a killed node's rooms move after about this long. */
  static final int MAX_NO_HEARTBEAT_SECONDS = 5;

  private ClusterNode() {
  }

  /** A started Vert.x instance for this configuration. */
  public static Future<Vertx> start(Config config) {
    if (!config.bool(ConfigKey.CLUSTER_ENABLED)) {
      return Future.succeededFuture(Observability.vertx());
    }
    String host = config.string(ConfigKey.CLUSTER_HOST);
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
        .setHost(host).setPort(config.integer(ConfigKey.CLUSTER_BUS_PORT)).setClusterPublicHost(host));
    PrometheusMeterRegistry registry = Observability.newRegistry();
    return Observability.clustered(Observability.builder(options, registry)
        .withClusterManager(new HazelcastClusterManager(hazelcast(config))), registry);
  }

  /** The Hazelcast member configuration: the maps Vert.x needs, TCP/IP discovery, quick failure detection. */
  static com.hazelcast.config.Config hazelcast(Config config) {
    com.hazelcast.config.Config hz = new com.hazelcast.config.Config();
    hz.setClusterName(config.string(ConfigKey.CLUSTER_NAME));
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "jdk");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(MAX_NO_HEARTBEAT_SECONDS));
    hz.setProperty("hazelcast.shutdownhook.enabled", "false"); // Vert.x leaves the cluster in order on stop
    String host = config.string(ConfigKey.CLUSTER_HOST);
    hz.setProperty("hazelcast.local.localAddress", host);
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(config.integer(ConfigKey.CLUSTER_PORT)).setPortAutoIncrement(false).setPublicAddress(host);
    net.getInterfaces().setEnabled(true).addInterface(host);
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(config.list(ConfigKey.CLUSTER_MEMBERS))
        .setConnectionTimeoutSeconds(2);
    // as in vertx-hazelcast's default-cluster.xml
    hz.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    hz.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    hz.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return hz;
  }
}

package dev.cuecard.support;

import dev.cuecard.cluster.ClusterNode;
import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real cluster members in this JVM: each node its own clustered Vert.x (Hazelcast on a loopback
 * port of its own, TCP/IP discovery of the others) and its own Cuecard server, all on one
 * PostgreSQL schema. Needs the PostgreSQL run (a cluster shares one store).
 */
public final class TestCluster implements AutoCloseable {
  private final List<io.vertx.core.Vertx> vertxes = new ArrayList<>();
  private final List<TestServer> nodes = new ArrayList<>();

  private TestCluster() {
  }

  /** Starts {@code n} nodes whose data directories are under {@code dir}; the first directory names the shared store. */
  public static TestCluster start(Path dir, int n) throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ports.add(freePort());
    }
    List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    TestCluster c = new TestCluster();
    try {
      for (int i = 0; i < n; i++) {
        Config config = TestStore.configure(TestServer.builder(dir.resolve("node" + i)), dir.resolve("node0"))
            .set(ConfigKey.CLUSTER_ENABLED, true)
            .set(ConfigKey.CLUSTER_PORT, ports.get(i))
            .set(ConfigKey.CLUSTER_MEMBERS, members)
            .set(ConfigKey.CLUSTER_NAME, "test-" + ports.get(0))
            // open sockets checked again every 5 s: a revocation whose announcement was lost
            // (the bus delivers at most once) still closes them within a test's wait
            .set(ConfigKey.AUTH_TOKEN_CHECK_SECONDS, 10)
            .build();
        io.vertx.core.Vertx vertx = TestServer.await(ClusterNode.start(config));
        c.vertxes.add(vertx);
        c.nodes.add(TestServer.start(vertx, config));
      }
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Flags of {@code cuecard serve} for a member of a cluster on these Hazelcast ports (for child processes). */
  public static String[] memberFlags(Path storeKey, int port, List<Integer> ports) {
    List<String> flags = new ArrayList<>(List.of(TestStore.flags(storeKey)));
    flags.add("--cluster.enabled=true");
    flags.add("--cluster.port=" + port);
    flags.add("--cluster.name=test-" + ports.get(0));
    flags.add("--cluster.members=" + String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList()));
    return flags.toArray(String[]::new);
  }

  public TestServer node(int i) {
    return nodes.get(i);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (TestServer s : nodes) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // keep closing the others
      }
    }
    for (io.vertx.core.Vertx v : vertxes) {
      TestServer.await(v.close());
    }
  }
}

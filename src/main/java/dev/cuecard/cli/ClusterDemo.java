package dev.cuecard.cli;

import dev.cuecard.cli.Main.UsageException;
import dev.cuecard.cluster.LocalCluster;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cuecard cluster-demo --store-url URL [--nodes N] [--port P] [--dir DIR] [--KEY=VALUE ...]}:
 * N cluster nodes on loopback, one PostgreSQL store, HAProxy in front on port P; runs until
 * Ctrl+C. The same harness the cluster tests use (docs/deploy.md).
 */
final class ClusterDemo {
  private ClusterDemo() {
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String storeUrl = System.getenv().getOrDefault("CUECARD_STORE_URL", "");
    int nodes = 2;
    int port = 8080;
    Path dir = null;
    List<String> nodeFlags = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--store-url" -> storeUrl = Args.value(args, ++i, "cluster-demo", a);
        case "--nodes" -> nodes = Args.integer(args, ++i, "cluster-demo", a, 1, 9);
        case "--port" -> port = Args.integer(args, ++i, "cluster-demo", a, 1, 65535);
        case "--dir" -> dir = Path.of(Args.value(args, ++i, "cluster-demo", a));
        default -> {
          if (!a.startsWith("--") || !a.contains("=")) {
            throw new UsageException("cluster-demo: unexpected argument '" + a + "'");
          }
          nodeFlags.add(a); // passed to every node, e.g. --match.semantic=false
        }
      }
    }
    if (storeUrl.isEmpty()) {
      throw new UsageException("cluster-demo: the nodes share a PostgreSQL store: --store-url"
          + " postgresql://user@127.0.0.1:5432/cuecard (password in CUECARD_STORE_PASSWORD)");
    }
    try {
      Path root = dir != null ? dir : Files.createTempDirectory("cuecard-cluster");
      LocalCluster cluster = LocalCluster.start(new LocalCluster.Options(nodes, storeUrl,
          System.getenv().getOrDefault("CUECARD_STORE_PASSWORD", ""), root, port, nodeFlags, out));
      out.println("Cuecard cluster of " + nodes + " nodes is ready: open " + cluster.balancer() + "/  (HAProxy;"
          + " nodes at " + String.join(", ", java.util.stream.IntStream.range(0, nodes)
          .mapToObj(i -> cluster.node(i).toString()).toList()) + "; files in " + root + "; Ctrl+C to stop)");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        cluster.close();
        stopped.countDown();
      }, "cluster-demo-stop"));
      stopped.await();
      return 0;
    } catch (Exception e) {
      err.println("cluster-demo failed: " + e.getMessage());
      return 1;
    }
  }
}

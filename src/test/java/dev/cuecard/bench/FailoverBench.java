package dev.cuecard.bench;

import dev.cuecard.cluster.LocalCluster;
import dev.cuecard.support.RemoteServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failover time: two node processes behind HAProxy on one PostgreSQL store ({@link LocalCluster});
 * each round opens a session through the balancer, stores a snippet, kills the node that owns its
 * room with SIGKILL, and times until a new snippet sent through the balancer (reconnecting as a
 * client would) is acked by the room on the other node; then restarts the killed node.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.cuecard.bench.FailoverBench \
 *     postgresql://cuecard@127.0.0.1:5432/cuecard_test PASSWORD [ROUNDS]</pre>
 */
public final class FailoverBench {
  private FailoverBench() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = Files.createTempDirectory("failover-bench");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Vertx vertx = Vertx.vertx();
    List<Double> seconds = new ArrayList<>();
    try (LocalCluster cluster = LocalCluster.start(new LocalCluster.Options(2, args[0], args[1], dir, 0,
        List.of("--auth.passwordIterations=1000", "--match.semantic=false", "--session.roomGraceSeconds=0"), quiet))) {
      RemoteServer balancer = new RemoteServer(vertx, cluster.balancer());
      String token = balancer.newUser();
      for (int round = 1; round <= rounds; round++) {
        String session = balancer.newSession(token);
        WsClient first = WsClient.connect(balancer, token, session);
        first.snippet("interviewer", "what is a python generator", true, 1);
        first.next("ack");
        int owner = owner(cluster, vertx); // the socket stays open, so the room does too
        long killed = System.nanoTime();
        cluster.kill(owner);
        first.close();
        while (true) {
          try (WsClient ws = WsClient.connect(balancer, token, session)) {
            ws.snippet("candidate", "it yields values lazily", true, 2);
            ws.next("ack");
            break;
          } catch (RuntimeException | AssertionError notYet) {
            Thread.sleep(50);
          }
        }
        double s = (System.nanoTime() - killed) / 1e9;
        seconds.add(s);
        System.out.printf(Locale.ROOT, "round %2d: node %d killed, room answering again after %.2f s%n", round,
            owner + 1, s);
        cluster.restart(owner);
      }
    } finally {
      vertx.close();
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "failover over %d kills: p50 %.2f s, max %.2f s%n", sorted.size(),
        sorted.get((sorted.size() - 1) / 2), sorted.get(sorted.size() - 1));
  }

  private static int owner(LocalCluster cluster, Vertx vertx) {
    for (int i = 0; i < cluster.size(); i++) {
      if (new RemoteServer(vertx, cluster.node(i)).call("GET", "/health", null, (String) null).json()
          .getInteger("liveSessions") > 0) {
        return i;
      }
    }
    throw new IllegalStateException("no node runs the room");
  }
}

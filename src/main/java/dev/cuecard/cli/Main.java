package dev.cuecard.cli;

import dev.cuecard.bank.BankException;
import dev.cuecard.cluster.ClusterNode;
import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.config.ConfigException;
import dev.cuecard.server.CuecardServer;
import io.vertx.core.Vertx;
import dev.cuecard.metrics.Observability;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Command-line entry point: {@code serve} (the default) and {@code replay}. */
public final class Main {
  static final String USAGE = """
      Usage:
        cuecard [serve] [--config FILE] [--port N] [--host ADDR] [--data-dir DIR] [--bank-dir DIR] [--KEY=VALUE ...]
            Run the server. Keys are those of config/cuecard.json (e.g. --ws.maxMessageBytes=16384).
        cuecard replay FILE --user NAME --password PASS [--server URL] [--register] [--interim] [--session ID]
            Replay a transcript (lines starting INTERVIEWER: or CANDIDATE:) against a running server
            over the WebSocket and print each cue card; --interim sends each question as growing
            interim snippets and waits out the end of speech before its final, as a recogniser does.
        cuecard eval FILE.jsonl [--semantic] [--bank-dir DIR] [--no-bundled] [--threshold X] [--verbose] [--json]
                   [--followups] [--features] [--calibration] [--blind] [--typed]
            Measure matching on labelled lines {"text", "speaker"?, "expect": [keywords] | null}:
            top-1 accuracy, wrong cards, fallbacks, a cue for every detected question, MRR@5,
            false cues, early cards (interim replay) and decision latency, with the same cue
            decision the server runs; --semantic adds the sentence-embedding path. --followups
            reads a follow-up set ({"on": card | "fallback: question heard", "text", "followup": bool,
            "kind"?, "expect"?, "candidate"?: what the candidate said since that card came up}) and reports
            follow-up resolution; --typed reads the interviewer lines as typed into the overlay (a topic
            named alone is asked); --features prints the decision's inputs as TSV;
            --calibration how often each ranking's first card is right, by its score's band;
            --blind first leaves out every alias worded nearly like a line of the file.
        cuecard eval --phrasings [--semantic] [--bank-dir DIR] [--no-bundled]
            Ask every card's question and aliases as written and list those that bring another
            card (a phrasing copied onto a second card, a new card worded like an old one).
        cuecard loadgen [--server URL] [--sessions N] [--duration SECONDS] [--ramp SECONDS] [--warmup SECONDS] [--idle]
                       [--reworded FRACTION] [--deflate] [--partner]
            Load a server on this machine with N live sessions (or N idle ones) and report snippets/s,
            client-side cue latency percentiles, errors and the server's heap and RSS. --reworded F
            asks that share of questions in words unlike any card (the semantic fallback's path);
            --deflate offers WebSocket compression as browsers do. --server takes several URLs
            (comma-separated, e.g. the nodes of a cluster): sessions are spread over them, and with
            --partner each session's interviewer speaks from a partner socket on the next one.
        cuecard backup FILE [--config FILE] [--data-dir DIR]
            Write a complete copy of the database (safe while the server runs) to FILE, a new file.
        cuecard restore FILE [--config FILE] [--data-dir DIR]
            Put a backup back (the server must be stopped); the replaced database is kept beside it.
        cuecard signup-code [--hours N] [--config FILE] [--data-dir DIR]
            Print a one-time code for registering one account when auth.registrationInviteOnly is on.
        cuecard cluster-demo --store-url postgresql://USER@HOST:5432/DB [--nodes 2] [--port 8080] [--dir DIR]
                             [--KEY=VALUE ...]
            Start N cluster nodes on loopback sharing that PostgreSQL store, with HAProxy in front on
            --port (needs haproxy installed; password in CUECARD_STORE_PASSWORD). Ctrl+C stops all.
        cuecard selftest
            Start a throw-away server on a free port and run a short mock interview against it.
        cuecard help
      """;

  private Main() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = Arrays.asList(args);
    String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "serve" : rest.get(0);
    if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
      rest = rest.subList(1, rest.size());
    }
    try {
      switch (command) {
        case "serve":
          return serve(rest, out, err);
        case "replay":
          return Replay.run(rest, out, err);
        case "eval":
          return EvalCommand.run(rest, out, err);
        case "loadgen":
          return LoadGen.run(rest, out, err);
        case "selftest":
          return SelfTest.run(rest, out, err);
        case "backup":
          return BackupCommand.run(rest, out, err);
        case "restore":
          return BackupCommand.restore(rest, out, err);
        case "signup-code":
          return SignupCodeCommand.run(rest, out, err);
        case "cluster-demo":
          return ClusterDemo.run(rest, out, err);
        case "help":
        case "-h":
          out.print(USAGE);
          return 0;
        default:
          err.println("unknown command '" + command + "'");
          err.print(USAGE);
          return 2;
      }
    } catch (ConfigException e) {
      err.println("config error: " + e.getMessage());
      return 2;
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
  }

  private static int serve(List<String> args, PrintStream out, PrintStream err) {
    // Netty's buffer events would load the JFR machinery on the first request (~0.1 s); a JFR user can
    // still switch them on with -Dio.netty.jfr.enabled=true
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
    // Vert.x starts on another core while the config is read (each takes a few hundred ms when cold)
    CompletableFuture<Vertx> starting = CompletableFuture.supplyAsync(Observability::vertx, Main::startThread);
    Config config;
    try {
      config = Config.load(System.getenv(), args);
    } catch (RuntimeException e) {
      starting.thenAccept(Vertx::close);
      throw e;
    }
    Vertx vertx = starting.join();
    if (config.bool(ConfigKey.CLUSTER_ENABLED)) {
      // a cluster member instead: joining takes a few seconds, so the plain instance was the right guess
      vertx.close();
      try {
        vertx = ClusterNode.start(config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      } catch (Exception e) {
        err.println("could not join the cluster: " + (e.getCause() != null ? e.getCause() : e).getMessage());
        return 1;
      }
    }
    CuecardServer server;
    try {
      server = CuecardServer.start(vertx, config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof BankException be) {
        err.println("question bank error: " + be.getMessage());
      } else {
        err.println("could not start Cuecard: " + cause.getMessage());
      }
      vertx.close();
      return 1;
    }
    Vertx node = vertx;
    String local = server.localKey() == null ? "" : "#local=" + server.localKey();
    out.println("Cuecard is ready: open http://" + server.host() + ":" + server.port() + "/" + local
        + "  (Ctrl+C to stop)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().compose(v -> node.close()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // shutting down anyway
      }
      stopped.countDown();
    }, "cuecard-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void startThread(Runnable task) {
    Thread t = new Thread(task, "cuecard-start");
    t.setDaemon(true);
    t.start();
  }

  /** Bad command-line usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}

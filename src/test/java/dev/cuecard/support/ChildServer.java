package dev.cuecard.support;

import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cuecard server in its own JVM, started as a user starts it ({@code cuecard serve}), so a test
 * can kill it with SIGKILL and see what survives. Its output is kept for failure messages.
 */
public final class ChildServer extends RemoteServer implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Cuecard is ready: open http://[^:]+:(\\d+)/");

  private final Process process;
  private final List<String> output;

  private ChildServer(Process process, Vertx vertx, int port, List<String> output) {
    super(vertx, port);
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code cuecard serve} on a free port with the test defaults, this run's store and
   * {@code flags}; waits until it is ready.
   */
  public static ChildServer start(Vertx vertx, Path dataDir, String... flags) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.cuecard.cli.Main", "serve",
        "--port", "0", "--data-dir", dataDir.toString(), "--auth.passwordIterations=1000", "--match.semantic=false"));
    cmd.addAll(List.of(TestStore.flags(dataDir)));
    cmd.addAll(List.of(flags));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.add(line);
          Matcher m = READY.matcher(line);
          if (m.find()) {
            ready.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException ignored) {
        // the process went away
      }
      ready.completeExceptionally(new IllegalStateException("server exited before it was ready: " + output));
    }, "child-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ChildServer(p, vertx, ready.get(60, TimeUnit.SECONDS), output);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("server did not start: " + output, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public List<String> output() {
    return List.copyOf(output);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}

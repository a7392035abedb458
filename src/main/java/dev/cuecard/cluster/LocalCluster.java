package dev.cuecard.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several Cuecard nodes as one cluster behind HAProxy, all on loopback, each node its own process
 * ({@code cuecard serve} with {@code cluster.enabled}) on one PostgreSQL store: what
 * {@code cuecard cluster-demo} runs for people trying cluster mode, and what the failover tests
 * kill and restart. Needs Debian's {@code haproxy} on the PATH and a reachable PostgreSQL.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Cuecard is ready: open http://[^:]+:(\\d+)/");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** What to start: node count, the shared store, where files go, and flags every node gets. */
  public record Options(int nodes, String storeUrl, String storePassword, Path dir, int balancerPort,
                        List<String> nodeFlags, PrintStream log) {
  }

  private final Options o;
  private final String clusterName;
  private final List<Integer> httpPorts = new ArrayList<>();
  private final List<Integer> hzPorts = new ArrayList<>();
  private final List<Process> nodes = new ArrayList<>();
  private int balancerPort;
  private Process haproxy;

  private LocalCluster(Options o) {
    this.o = o;
    this.clusterName = "cuecard-local-" + ProcessHandle.current().pid();
  }

  /** Starts every node (in parallel), then HAProxy in front once each node answers /health. */
  public static LocalCluster start(Options o) throws IOException, InterruptedException {
    LocalCluster c = new LocalCluster(o);
    try {
      for (int i = 0; i < o.nodes(); i++) {
        c.httpPorts.add(freePort());
        c.hzPorts.add(freePort());
        c.nodes.add(null);
      }
      List<CompletableFuture<Void>> starting = new ArrayList<>();
      for (int i = 0; i < o.nodes(); i++) {
        int node = i;
        starting.add(CompletableFuture.runAsync(() -> c.startNode(node)));
      }
      try {
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      c.balancerPort = o.balancerPort() == 0 ? freePort() : o.balancerPort();
      c.startBalancer();
      return c;
    } catch (RuntimeException | IOException | InterruptedException e) {
      c.close();
      throw e;
    }
  }

  /** The balancer's base URL, e.g. http://127.0.0.1:8080 (what users and clients connect to). */
  public URI balancer() {
    return URI.create("http://127.0.0.1:" + balancerPort);
  }

  /** Node {@code i}'s own base URL, bypassing the balancer. */
  public URI node(int i) {
    return URI.create("http://127.0.0.1:" + httpPorts.get(i));
  }

  public int size() {
    return nodes.size();
  }

  /** SIGKILL for node {@code i}: no shutdown hook, no goodbye to the cluster. */
  public void kill(int i) throws InterruptedException {
    Process p = nodes.get(i);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  /** Node {@code i}'s process id (the failover test pauses it with SIGSTOP, as a long stall would). */
  public long pid(int i) {
    return nodes.get(i).pid();
  }

  /** Starts node {@code i} again on its old ports and data directory; it rejoins the cluster. */
  public void restart(int i) {
    startNode(i);
  }

  private void startNode(int i) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.cuecard.cli.Main", "serve",
        "--port", Integer.toString(httpPorts.get(i)),
        "--data-dir", o.dir().resolve("node" + (i + 1)).toString(),
        "--store.url=" + o.storeUrl(),
        "--cluster.enabled=true",
        "--cluster.name=" + clusterName,
        "--cluster.port=" + hzPorts.get(i),
        "--cluster.members=" + String.join(",", hzPorts.stream().map(p -> "127.0.0.1:" + p).toList())));
    cmd.addAll(o.nodeFlags());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (!o.storePassword().isEmpty()) {
      pb.environment().put("CUECARD_STORE_PASSWORD", o.storePassword());
    }
    try {
      Process p = pb.start();
      nodes.set(i, p);
      CompletableFuture<Integer> ready = new CompletableFuture<>();
      Thread reader = new Thread(() -> pipe(p, "node" + (i + 1), ready), "node" + (i + 1) + "-output");
      reader.setDaemon(true);
      reader.start();
      ready.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("node " + (i + 1) + " did not start: " + e.getMessage(), e);
    }
  }

  private void pipe(Process p, String name, CompletableFuture<Integer> ready) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        o.log().println("[" + name + "] " + line);
        Matcher m = READY.matcher(line);
        if (m.find()) {
          ready.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException ignored) {
      // the process went away
    }
    ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready"));
  }

  /**
   * HAProxy: HTTP and WebSockets to any node (no stickiness: any node serves any session), health
   * checks on /health every 500 ms (a node is down after two refused or unanswered checks, each given
   * 3 s to answer), a failed connection redispatched to another node.
   */
  private void startBalancer() throws IOException, InterruptedException {
    Path cfg = o.dir().resolve("haproxy.cfg");
    Files.createDirectories(o.dir());
    Files.writeString(cfg, haproxyConfig(balancerPort, httpPorts));
    try {
      Path binary = haproxyBinary().orElseThrow(() -> new IOException("haproxy is not installed"));
      haproxy = new ProcessBuilder(binary.toString(), "-db", "-f", cfg.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot start haproxy (on Debian: apt-get install haproxy): " + e.getMessage(), e);
    }
    Thread reader = new Thread(() -> pipe(haproxy, "haproxy", new CompletableFuture<>()), "haproxy-output");
    reader.setDaemon(true);
    reader.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      if (healthy(balancer())) {
        return;
      }
      if (!haproxy.isAlive()) {
        throw new IOException("haproxy exited with " + haproxy.exitValue() + " (config " + cfg + ")");
      }
      Thread.sleep(100);
    }
    throw new IOException("haproxy on port " + balancerPort + " did not answer /health within 30 s");
  }

  /** HAProxy's executable: on the PATH, or where Debian puts it (/usr/sbin, not on every user's PATH). */
  public static java.util.Optional<Path> haproxyBinary() {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
    return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable)
        .findFirst();
  }

  /** The configuration docs/deploy.md shows, for nodes on loopback. */
  public static String haproxyConfig(int frontendPort, List<Integer> nodePorts) {
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < nodePorts.size(); i++) {
      servers.append("  server node").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i)).append(" check\n");
    }
    return """
        global
          # each connection needs two descriptors (client and node side): keep 2 x maxconn under ulimit -n
          maxconn 8000

        defaults
          mode http
          timeout connect 2s
          timeout client 60s
          timeout server 60s
          # a WebSocket, once upgraded, is a tunnel: the clients' pings keep it alive
          timeout tunnel 1h
          retries 2
          option redispatch

        frontend cuecard
          bind 127.0.0.1:%d
          default_backend nodes

        backend nodes
          balance roundrobin
          option httpchk GET /health
          http-check expect status 200
          default-server inter 500ms fall 2 rise 2
          # a check may wait this long for /health's answer; left unset, it waits only inter (500 ms),
          # and a busy node (garbage collection, a loaded host) is taken for a dead one
          timeout check 3s
        %s""".formatted(frontendPort, servers);
  }

  private static boolean healthy(URI base) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(2))
          .build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (haproxy != null) {
      haproxy.destroy();
    }
    for (Process p : nodes) {
      if (p != null && p.isAlive()) {
        p.destroy();
      }
    }
    for (Process p : nodes) {
      try {
        if (p != null && !p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

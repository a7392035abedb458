package dev.cuecard.cli;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.server.CuecardServer;
import io.vertx.core.Vertx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code cuecard selftest}: starts a server on a free loopback port with a throw-away data folder,
 * serves the web client and /health, registers a user and replays a short mock interview over a
 * WebSocket (a question must bring its card), then stops and deletes the folder. A quick check that
 * this machine can run Cuecard; the build also runs it once to record which classes a start-up
 * and a first session load (the class-data archive, docs/benchmarks.md).
 */
final class SelfTest {
  private SelfTest() {
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      throw new Main.UsageException("selftest takes no arguments");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("cuecard-selftest");
    } catch (IOException e) {
      err.println("selftest: cannot create a temporary folder: " + e.getMessage());
      return 1;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Config config = Config.builder()
          .set(ConfigKey.SERVER_PORT, 0)
          .set(ConfigKey.DATA_DIR, dir.resolve("data").toString())
          .set(ConfigKey.MATCH_SEMANTIC, false)
          .build();
      CuecardServer server = CuecardServer.start(vertx, config).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (String path : List.of("/health", "/")) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          err.println("selftest: GET " + path + " answered " + r.statusCode());
          return 1;
        }
      }
      Path transcript = dir.resolve("interview.txt");
      Files.writeString(transcript, """
          INTERVIEWER: so what's the difference between select related and prefetch related
          CANDIDATE: select related follows foreign keys with a join in one query
          """, StandardCharsets.UTF_8);
      ByteArrayOutputStream replayed = new ByteArrayOutputStream();
      int rc = Replay.run(List.of(transcript.toString(), "--user", "selftest", "--password",
          UUID.randomUUID().toString(), "--register", "--server", base),
          new PrintStream(replayed, true, StandardCharsets.UTF_8), err);
      server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      if (rc != 0 || !replayed.toString(StandardCharsets.UTF_8).contains("CUE orm-select-vs-prefetch")) {
        err.println("selftest: the mock interview did not bring the expected card:\n" + replayed);
        return 1;
      }
      out.println("selftest ok: server started, web client and /health served, a question brought its card");
      return 0;
    } catch (Exception e) {
      err.println("selftest failed: " + (e.getCause() != null ? e.getCause() : e));
      return 1;
    } finally {
      vertx.close();
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}

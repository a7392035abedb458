package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login and registration throttling: 429 with Retry-After, unknown names indistinguishable, hashing bounded. */
@ExtendWith(VertxExtension.class)
class ThrottleTest {
  private static final String PW = "correct horse battery";
  @TempDir
  Path dir;
  TestServer server;

  private TestServer start(Vertx vertx, Consumer<dev.cuecard.config.Config.Builder> tweak) {
    dev.cuecard.config.Config.Builder b = TestServer.builder(dir);
    tweak.accept(b);
    server = TestServer.start(vertx, b.build());
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TestServer.Response login(String user, String password) {
    return server.call("POST", "/api/auth/login", null,
        new JsonObject().put("username", user).put("password", password));
  }

  @Test
  void wrongPasswordsLockTheNameAndUnknownNamesLookTheSame(Vertx vertx) {
    start(vertx, b -> b.set(ConfigKey.AUTH_FREE_FAILURES, 3));
    server.register("ada", PW);
    List<Integer> known = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      known.add(login("ada", "wrong guess " + i).status());
      unknown.add(login("nobody", "wrong guess " + i).status());
    }
    assertEquals(List.of(401, 401, 401, 429, 429), known, "three free failures, then locked");
    assertEquals(known, unknown, "an unknown name is throttled exactly like a real one");
    TestServer.Response locked = login("ada", PW);
    assertEquals(429, locked.status(), "while locked even the right password waits");
    assertEquals("too_many_attempts", locked.error());
    assertEquals(401, login("someone.else", "a wrong guess").status(), "other names are not locked");
  }

  @Test
  void retryAfterSaysHowLongAndTheLockEnds(Vertx vertx) throws Exception {
    start(vertx, b -> b.set(ConfigKey.AUTH_FREE_FAILURES, 1));
    server.register("bob", PW);
    assertEquals(401, login("bob", "wrong one here").status()); // locks for 2 s
    HttpResponse<String> r = raw("/api/auth/login", new JsonObject().put("username", "bob").put("password", PW));
    assertEquals(429, r.statusCode());
    long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 2, "Retry-After " + retry);
    Thread.sleep(retry * 1000 + 100);
    assertEquals(200, login("bob", PW).status(), "after the wait the right password works and clears the count");
  }

  @Test
  void oneAddressGetsABoundedNumberOfAttempts(Vertx vertx) {
    start(vertx, b -> b.set(ConfigKey.AUTH_ATTEMPTS_PER_MINUTE, 3).set(ConfigKey.AUTH_FREE_FAILURES, 100));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(login("user" + i, "some password " + i).status()); // a different name each time
    }
    assertEquals(List.of(401, 401, 401, 401, 401, 401, 429, 429), statuses, "a burst of twice the per-minute rate");
  }

  @Test
  void registrationIsLimitedPerAddressAndCanBeClosed(Vertx vertx) {
    start(vertx, b -> b.set(ConfigKey.AUTH_REGISTRATIONS_PER_HOUR, 2));
    server.register("one", PW);
    server.register("two", PW);
    TestServer.Response third = server.call("POST", "/api/auth/register", null,
        new JsonObject().put("username", "three").put("password", PW));
    assertEquals(429, third.status());
    assertEquals("too_many_attempts", third.error());
    server.close();
    server = null;
    start(vertx, b -> b.set(ConfigKey.AUTH_ALLOW_REGISTRATION, false));
    TestServer.Response closed = server.call("POST", "/api/auth/register", null,
        new JsonObject().put("username", "four").put("password", PW));
    assertEquals(403, closed.status());
    assertEquals("registration_closed", closed.error());
  }

  @Test
  void weakPasswordsAreRefusedWithTheReason(Vertx vertx) {
    start(vertx, b -> { });
    for (String[] c : new String[][] {{"password", "common"}, {"12345678", "run"}, {"        ", "spaces"},
        {"carol.smith", "username"}, {"Carol.Smith99", "username"}, {"aaaaaaaaaa", "repeated"},
        {"sunshine2024", "common"}, {"qwertyui", "run"}}) {
      TestServer.Response r = server.call("POST", "/api/auth/register", null,
          new JsonObject().put("username", "carol.smith").put("password", c[0]));
      assertEquals(400, r.status(), c[0]);
      assertEquals("invalid_password", r.error());
      String m = r.json().getString("message");
      assertTrue(switch (c[1]) {
        case "common" -> m.contains("commonly used");
        case "run" -> m.contains("run of keys");
        case "spaces" -> m.contains("spaces");
        case "username" -> m.contains("username");
        default -> m.contains("repeated");
      }, c[0] + " -> " + m);
    }
    assertEquals(201, server.call("POST", "/api/auth/register", null,
        new JsonObject().put("username", "carol.smith").put("password", "tea at four, rain")).status());
  }

  /**
   * A login for an unknown name costs one password hash like a real one: with a slow hash
   * (about 50-100 ms here), the medians must be within a factor of two. Skipping the hash for
   * unknown names would make them about 100 times faster.
   */
  @Test
  void unknownNamesCostTheSameHash(Vertx vertx) {
    start(vertx, b -> b.set(ConfigKey.AUTH_PASSWORD_ITERATIONS, 100_000).set(ConfigKey.AUTH_FREE_FAILURES, 1000));
    server.register("dan", PW);
    for (int i = 0; i < 4; i++) { // warm up the JIT on both paths before measuring
      login("dan", "warm-up " + i);
      login("warm.up." + i, "warm-up " + i);
    }
    long[] known = new long[9];
    long[] unknown = new long[9];
    for (int i = 0; i < known.length; i++) {
      boolean knownFirst = i % 2 == 0; // alternate, so neither side always runs first
      for (int k = 0; k < 2; k++) {
        boolean isKnown = knownFirst == (k == 0);
        long t0 = System.nanoTime();
        assertEquals(401, login(isKnown ? "dan" : "not.dan." + i, "wrong guess " + i).status());
        (isKnown ? known : unknown)[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(known);
    Arrays.sort(unknown);
    double ratio = (double) unknown[4] / known[4];
    assertTrue(ratio > 0.5 && ratio < 2, "median unknown/known login time " + ratio);
  }

  /** A flood of logins is refused past the hashing queue and never stalls the event loops. */
  @Test
  void aLoginFloodIsBoundedAndTheServerStaysResponsive(Vertx vertx) throws Exception {
    start(vertx, b -> b.set(ConfigKey.AUTH_PASSWORD_ITERATIONS, 200_000).set(ConfigKey.AUTH_FREE_FAILURES, 1000));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int flood = Runtime.getRuntime().availableProcessors() * HashPool.QUEUE_PER_THREAD + 40;
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < flood; i++) {
      sent.add(http.sendAsync(request("/api/auth/login", new JsonObject().put("username", "victim")
          .put("password", "guess " + i)), HttpResponse.BodyHandlers.ofString()));
    }
    long t0 = System.nanoTime();
    assertEquals(200, server.call("GET", "/health", null, (String) null).status());
    long healthMs = (System.nanoTime() - t0) / 1_000_000;
    int busy = 0;
    for (CompletableFuture<HttpResponse<String>> f : sent) {
      int status = f.get().statusCode();
      assertTrue(status == 401 || status == 503, "status " + status);
      busy += status == 503 ? 1 : 0;
    }
    assertTrue(busy > 0, "past the queue, logins are refused with 503 instead of queueing");
    assertTrue(healthMs < 1000, "/health answered in " + healthMs + " ms during the flood");
  }

  private HttpRequest request(String path, JsonObject body) {
    return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
  }

  private HttpResponse<String> raw(String path, JsonObject body) throws Exception {
    return HttpClient.newHttpClient().send(request(path, body), HttpResponse.BodyHandlers.ofString());
  }
}

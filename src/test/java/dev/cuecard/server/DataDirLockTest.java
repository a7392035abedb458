package dev.cuecard.server;

import dev.cuecard.auth.Secrets;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.ChildServer;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One server per data directory; invite-only registration with one-time codes made beside a running server. */
@ExtendWith(VertxExtension.class)
class DataDirLockTest {
  @TempDir
  Path dir;

  @Test
  void aSecondServerOnTheSameDataDirectoryIsRefusedNamingTheFirst(Vertx vertx) throws Exception {
    TestStore.assumeSqlite("the lock guards the SQLite data directory");
    try (ChildServer first = ChildServer.start(vertx, dir)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestServer.start(vertx, dir));
      String m = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      assertTrue(m.contains("in use by another Cuecard server (pid " + first.pid() + ", port " + first.port()), m);
      assertEquals(200, first.call("GET", "/health", null, (String) null).status(), "the first one is unharmed");
      first.kill(); // SIGKILL: the operating system drops the lock with the process
    }
    try (TestServer second = TestServer.start(vertx, dir)) {
      assertEquals(200, second.call("GET", "/health", null, (String) null).status(), "a stale lock file never blocks");
    }
  }

  @Test
  void inviteOnlyRegistrationSpendsOneCodePerAccount(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, TestServer.builder(dir)
        .set(ConfigKey.AUTH_REGISTRATION_INVITE_ONLY, true).build())) {
      JsonObject body = new JsonObject().put("username", "newcomer").put("password", "a fine long phrase");
      TestServer.Response none = server.call("POST", "/api/auth/register", null, body);
      assertEquals(403, none.status());
      assertEquals("signup_code_required", none.error());
      TestServer.Response bad = server.call("POST", "/api/auth/register", null, body.copy().put("signupCode", "nope"));
      assertEquals(403, bad.status());
      assertEquals("invalid_signup_code", bad.error());

      String code = signupCode("--hours", "1");
      assertTrue(code.matches("[0-9a-f]{30}"), code);
      assertEquals(201, server.call("POST", "/api/auth/register", null, body.copy().put("signupCode", code)).status());
      TestServer.Response reused = server.call("POST", "/api/auth/register", null,
          body.copy().put("username", "second").put("signupCode", code));
      assertEquals(403, reused.status(), "a code registers one account");
      // a code stays unspent when the name was taken
      String another = signupCode();
      assertEquals(409, server.call("POST", "/api/auth/register", null, body.copy().put("signupCode", another))
          .status());
      assertEquals(201, server.call("POST", "/api/auth/register", null,
          body.copy().put("username", "third").put("signupCode", another)).status());
      assertEquals(1, TestStore.column(dir, "SELECT code_hash FROM signup_codes WHERE code_hash = '"
          + Secrets.sha256(code) + "' AND used_at IS NOT NULL").size(), "only the code's hash is stored");
    }
  }

  /** Runs `cuecard signup-code` on this test's store, beside the running server. */
  private String signupCode(String... flags) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("signup-code", "--data-dir", dir.toString()));
    args.addAll(java.util.List.of(flags));
    args.addAll(java.util.List.of(TestStore.flags(dir)));
    return dev.cuecard.cli.CliRunner.run(args.toArray(String[]::new)).strip();
  }
}

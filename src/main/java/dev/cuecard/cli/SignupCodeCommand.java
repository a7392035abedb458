package dev.cuecard.cli;

import dev.cuecard.auth.Secrets;
import dev.cuecard.config.Config;
import dev.cuecard.store.Database;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cuecard signup-code [--hours N]}: a one-time code that lets one person register while
 * {@code auth.registrationInviteOnly} is on. Only the code's SHA-256 is stored; the code itself
 * is printed once. Works beside a running server.
 */
final class SignupCodeCommand {
  private SignupCodeCommand() {
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(args);
    int hours = 72;
    int at = rest.indexOf("--hours");
    if (at >= 0) {
      hours = Args.integer(rest, at + 1, "signup-code", "--hours", 1, 24 * 365);
      rest.remove(at + 1);
      rest.remove(at);
    }
    Config config = Config.load(System.getenv(), rest);
    String code = Secrets.newToken();
    long now = System.currentTimeMillis();
    Vertx vertx = Vertx.vertx();
    try {
      Database.addSignupCode(vertx, config, Secrets.sha256(code), now, now + hours * 3_600_000L);
      out.println(code);
      err.println("one-time signup code, valid for " + hours + " h: register with {\"signupCode\": \"" + code + "\"}"
          + " or the sign-up form");
      return 0;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("signup-code failed: " + e.getMessage());
      return 1;
    } finally {
      vertx.close();
    }
  }
}

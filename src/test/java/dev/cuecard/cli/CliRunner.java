package dev.cuecard.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a cuecard command in this JVM for tests in other packages; fails unless it exits 0; returns its stdout. */
public final class CliRunner {
  private CliRunner() {
  }

  public static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException("cuecard " + String.join(" ", args) + " exited " + code + ": "
          + err.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs a cuecard command that must exit with {@code code} (a refusal); returns its stderr. */
  public static String refused(int code, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int got = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String said = err.toString(StandardCharsets.UTF_8);
    if (got != code) {
      throw new IllegalStateException("cuecard " + String.join(" ", args) + " exited " + got + ", not " + code + ": " + said);
    }
    return said;
  }
}

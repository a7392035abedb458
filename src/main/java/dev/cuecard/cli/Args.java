package dev.cuecard.cli;

import dev.cuecard.cli.Main.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Small helpers shared by the subcommands' flag parsing. */
final class Args {
  private Args() {
  }

  /** The value after a flag, or a usage error naming the command and flag. */
  static String value(List<String> args, int i, String command, String flag) {
    if (i >= args.size()) {
      throw new UsageException(command + ": " + flag + " needs a value");
    }
    return args.get(i);
  }

  /** The value after a flag as an integer from min to max, or a usage error naming the command, flag and value. */
  static int integer(List<String> args, int i, String command, String flag, int min, int max) {
    String v = value(args, i, command, flag);
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // fall through to the error
    }
    throw new UsageException(command + ": " + flag + " must be an integer from " + min + " to " + max + ", got '"
        + v + "'");
  }

  /** The value after a flag as a number from 0 to 1, or a usage error naming the command, flag and value. */
  static double fraction(List<String> args, int i, String command, String flag) {
    String v = value(args, i, command, flag);
    try {
      double f = Double.parseDouble(v);
      if (f >= 0 && f <= 1) {
        return f;
      }
    } catch (NumberFormatException ignored) {
      // fall through to the error
    }
    throw new UsageException(command + ": " + flag + " must be a number from 0 to 1, got '" + v + "'");
  }

  /**
   * Reads a UTF-8 file and parses its lines; on failure tells {@code err} why (unreadable file, or
   * the parser's {@link IllegalArgumentException} prefixed with the file name) and returns null.
   */
  static <T> T readLines(String file, Function<List<String>, T> parse, PrintStream err) {
    try {
      return parse.apply(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      err.println(file + ": " + e.getMessage());
    }
    return null;
  }
}

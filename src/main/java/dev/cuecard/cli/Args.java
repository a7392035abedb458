package dev.cuecard.cli;

import dev.cuecard.cli.Main.UsageException;

import java.util.List;

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
}

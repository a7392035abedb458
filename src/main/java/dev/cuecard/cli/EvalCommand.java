package dev.cuecard.cli;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankException;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.cli.Main.UsageException;
import dev.cuecard.match.Blind;
import dev.cuecard.match.Calibration;
import dev.cuecard.match.Eval;
import dev.cuecard.match.FollowUpEval;
import dev.cuecard.match.Matcher;
import dev.cuecard.match.Overlaps;
import dev.cuecard.match.SemanticIndex;
import dev.cuecard.match.Typos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cuecard eval FILE.jsonl}: matching quality and speed on a labelled file (with {@code --typed}, its
 * interviewer lines as typed into the overlay rather than heard); {@code cuecard eval --phrasings}: the
 * bank's phrasings that bring another card.
 */
final class EvalCommand {
  private EvalCommand() {
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String file = null;
    List<Path> dirs = new ArrayList<>();
    boolean bundled = true;
    boolean verbose = false;
    boolean json = false;
    boolean semantic = false;
    boolean features = false;
    boolean calibration = false;
    boolean followUps = false;
    boolean blind = false;
    boolean phrasings = false;
    boolean typed = false;
    double threshold = 0.5;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--bank-dir" -> dirs.add(Path.of(Args.value(args, ++i, "eval", a)));
        case "--no-bundled" -> bundled = false;
        case "--verbose" -> verbose = true;
        case "--json" -> json = true;
        case "--semantic" -> semantic = true;
        case "--features" -> features = true;
        case "--calibration" -> calibration = true;
        case "--followups" -> followUps = true;
        case "--blind" -> blind = true;
        case "--phrasings" -> phrasings = true;
        case "--typed" -> typed = true;
        case "--threshold" -> threshold = Args.fraction(args, ++i, "eval", a);
        default -> {
          if (a.startsWith("--") || file != null) {
            throw new UsageException("eval: unexpected argument '" + a + "'");
          }
          file = a;
        }
      }
    }
    if (phrasings) {
      if (file != null || followUps || blind || features || calibration) {
        throw new UsageException("eval --phrasings checks the bank itself; it takes no FILE, --followups, --blind,"
            + " --features or --calibration");
      }
    } else if (file == null) {
      throw new UsageException("eval needs a FILE.jsonl (or --phrasings)");
    }
    if (typed && (phrasings || followUps)) {
      throw new UsageException("eval: --typed reads a question file's lines as typed into the overlay; it does not"
          + " take " + (phrasings ? "--phrasings" : "--followups"));
    }
    if (followUps && (blind || features || calibration)) {
      throw new UsageException("eval: --followups measures follow-ups only; it does not take "
          + (blind ? "--blind" : features ? "--features" : "--calibration"));
    }
    if (features && calibration) {
      throw new UsageException("eval: --features and --calibration are two reports; ask for one");
    }
    Bank bank;
    try {
      bank = BankLoader.load(bundled, dirs);
    } catch (BankException e) {
      err.println("question bank error: " + e.getMessage());
      return 2;
    }
    if (phrasings) {
      Matcher matcher = new Matcher(bank, threshold);
      List<Overlaps.Taken> taken = Overlaps.of(matcher, semantic ? SemanticIndex.build(matcher) : null);
      out.println("phrasings        " + Overlaps.phrasings(matcher) + " asked (every card's question and aliases), "
          + taken.size() + " bring another card");
      taken.forEach(t -> out.println("  " + t));
      return 0;
    }
    if (followUps) {
      Matcher matcher = new Matcher(bank, threshold);
      matcher.warmUp();
      return followUps(file, matcher, semantic, verbose, json, out, err);
    }
    List<Eval.Line> lines = Args.readLines(file, Eval::parse, err);
    if (lines == null) {
      return 2;
    }
    if (typed) { // what the room decides for an interviewer's typed snippet
      Typos typos = Typos.of(bank);
      lines = lines.stream().map(l -> "interviewer".equals(l.speaker())
          ? new Eval.Line(l.number(), typos.asTyped(l.text()), l.speaker(), l.expect()) : l).toList();
    }
    if (blind) {
      Blind.Result b = Blind.of(bank, lines.stream().map(Eval.Line::text).toList());
      bank = b.bank();
      err.println("blind: left out " + b.aliasesLeftOut() + " alias(es) worded nearly like a line of " + file);
    }
    Matcher matcher = new Matcher(bank, threshold);
    matcher.warmUp();
    if (features) {
      Eval.features(matcher, semantic ? SemanticIndex.build(matcher) : null, lines).forEach(out::println);
      return 0;
    }
    if (calibration) {
      Calibration.format(Calibration.of(matcher, semantic ? SemanticIndex.build(matcher) : null, lines))
          .forEach(out::println);
      return 0;
    }
    Eval.Report r = Eval.run(matcher, semantic ? SemanticIndex.build(matcher) : null, lines);
    if (json) {
      out.println(r.toJson().encodePrettily());
    } else {
      out.print(r.format());
    }
    if (verbose) {
      for (Eval.Miss m : r.misses()) {
        out.println("line " + m.line().number() + " [" + m.line().speaker() + "] \"" + m.line().text() + "\" expect "
            + m.line().expect() + " -> " + m.got());
      }
    }
    return 0;
  }

  private static int followUps(String file, Matcher matcher, boolean semantic, boolean verbose, boolean json,
                               PrintStream out, PrintStream err) {
    List<FollowUpEval.Line> lines = Args.readLines(file, FollowUpEval::parse, err);
    if (lines == null) {
      return 2;
    }
    FollowUpEval.Report r;
    try {
      r = FollowUpEval.run(matcher, semantic ? SemanticIndex.build(matcher) : null, lines);
    } catch (IllegalArgumentException e) {
      err.println(file + ": " + e.getMessage());
      return 2;
    }
    out.print(json ? r.toJson().encodePrettily() + "\n" : r.format());
    if (verbose) {
      r.misses().forEach(out::println);
    }
    return 0;
  }
}

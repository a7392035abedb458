package dev.cuecard.session;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import dev.cuecard.match.Cues;
import dev.cuecard.match.Eval;
import dev.cuecard.match.Match;
import dev.cuecard.match.Matcher;
import dev.cuecard.match.OwnCues;
import dev.cuecard.match.SemanticIndex;
import dev.cuecard.store.RememberedWordings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What remembered corrections do to matching, simulated with the decision the server runs: a user
 * meets the questions of the "history" sets and, for every wrong card or fallback whose right card
 * was listed one click away, picks it (each pick remembered as the server remembers it); then the
 * "target" sets are asked with those wordings in their own index. Reports top-1 before and after,
 * and the cards the remembered wordings turned from right to wrong (docs/matching.md,
 * "Remembered corrections"):
 *
 * <pre>
 * java -cp target/test-classes:target/cuecard.jar dev.cuecard.session.RememberedSimulation \
 *     second-b.jsonl,set5.jsonl  set5.jsonl  [--drop-words]
 * </pre>
 *
 * {@code --drop-words} asks the targets as a recogniser that lost every fifth word would give them,
 * after "okay so": the same questions again, not in the same words.
 */
public final class RememberedSimulation {
  public static void main(String[] args) throws Exception {
    Matcher matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    SemanticIndex semantic = SemanticIndex.build(matcher);
    Cues cues = new Cues(matcher, semantic);
    List<RememberedWordings.Wording> wordings = new ArrayList<>();
    for (String set : args[0].split(",")) {
      for (Eval.Line l : questions(set)) {
        Cues.Decision d = decide(cues, null, l.text());
        Card shown = d.kind() == Cues.Kind.CARD ? d.match().card() : null;
        if (shown != null && Eval.hit(shown, l.expect())) {
          continue;
        }
        List<Match> listed = d.kind() == Cues.Kind.CARD || d.kind() == Cues.Kind.FALLBACK ? d.related() : List.of();
        listed.stream().filter(m -> Eval.hit(m.card(), l.expect())).findFirst().ifPresent(m -> {
          String w = Remembered.wording(l.text());
          if (w != null) {
            wordings.add(new RememberedWordings.Wording(wordings.size(), w, m.card().id(), wordings.size()));
          }
        });
      }
    }
    Bank own = Remembered.with(new Bank(List.of(), List.of()), wordings, matcher.bank());
    Matcher ownLexical = new Matcher(own, matcher.threshold());
    List<String> flags = List.of(args).subList(2, args.length);
    boolean perturbed = flags.contains("--drop-words");
    OwnCues yours = new OwnCues(ownLexical, SemanticIndex.besides(ownLexical, semantic));
    System.out.printf(Locale.ROOT, "history %s: %d corrections remembered%n", args[0], wordings.size());
    for (String set : args[1].split(",")) {
      int n = 0;
      int before = 0;
      int after = 0;
      int turnedWrong = 0;
      int byRemembered = 0;
      for (Eval.Line asked : questions(set)) {
        Eval.Line l = perturbed ? new Eval.Line(asked.number(), dropEveryFifth(asked.text()), asked.speaker(),
            asked.expect()) : asked;
        n++;
        boolean was = right(decide(cues, null, l.text()), l);
        Cues.Decision now = decide(cues, yours, l.text());
        boolean is = right(now, l);
        before += was ? 1 : 0;
        after += is ? 1 : 0;
        if (was && !is) {
          turnedWrong++;
          System.out.println("  turned wrong: " + l.text() + " -> " + now.match());
        }
        byRemembered += now.kind() == Cues.Kind.CARD && Remembered.is(now.match().card()) ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "target %s: top-1 %.1f%% -> %.1f%% (%d -> %d of %d), %d by remembered"
          + " wordings, %d right cards turned wrong%n", set, 100.0 * before / n, 100.0 * after / n, before, after, n,
          byRemembered, turnedWrong);
    }
  }

  private static List<Eval.Line> questions(String set) throws Exception {
    return Eval.parse(Files.readAllLines(Path.of("src/test/resources/eval", set))).stream()
        .filter(l -> l.expect() != null && l.speaker().equals("interviewer")).toList();
  }

  /** The decision for a final question with nothing on screen, as a room makes it (the owner's index first). */
  private static Cues.Decision decide(Cues cues, OwnCues yours, String text) {
    java.util.Optional<Match> mine = cues.ownCard(yours, text, true);
    if (mine.isPresent()) {
      return new Cues.Decision(Cues.Kind.CARD, mine.get(), "yours", null, List.of());
    }
    Cues.Decision d = cues.inline(text, true, null, new Cues.Trend());
    return d.kind() == Cues.Kind.LATER ? cues.offLoop(text, null, yours) : d;
  }

  /** The question as a recogniser that lost every fifth word would give it: worded unlike what was remembered. */
  private static String dropEveryFifth(String text) {
    String[] w = text.split(" ");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (i % 5 != 4) {
        b.append(b.length() == 0 ? "" : " ").append(w[i]);
      }
    }
    return "okay so " + b;
  }

  private static boolean right(Cues.Decision d, Eval.Line l) {
    return d.kind() == Cues.Kind.CARD && Eval.hit(d.match().card(), l.expect());
  }

  private RememberedSimulation() {
  }
}

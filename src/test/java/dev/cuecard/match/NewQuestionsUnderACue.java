package dev.cuecard.match;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The other side of follow-ups: every labelled question of the sets named, asked while a cue is up
 * (three of fallback set A's fallbacks, or with {@code --cards} three bank cards), with the server's
 * decision and the model on. Prints how many were taken for follow-ups, and how many right cards
 * the questions get with nothing up and with the cue up, and how many of the sets' no-cue interviewer lines
 * (remarks, small talk) bring anything with the cue up (docs/matching.md, "Follow-ups to a fallback");
 * with {@code --list}, every question taken for a follow-up:
 *
 * <pre>
 * java -cp target/test-classes:target/cuecard.jar dev.cuecard.match.NewQuestionsUnderACue \
 *     dev test unseen fresh second-a set5 [--cards] [--list]
 * </pre>
 */
public final class NewQuestionsUnderACue {
  public static void main(String[] args) throws Exception {
    Matcher matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    Cues cues = new Cues(matcher, SemanticIndex.build(matcher));
    boolean cards = List.of(args).contains("--cards");
    boolean list = List.of(args).contains("--list");
    List<Card> up = cards
        ? List.of(matcher.bank().get("orm-n-plus-one"), matcher.bank().get("design-url-shortener"),
            matcher.bank().get("beh-conflict"))
        : List.of(Fallback.card("what does the ellipsis object do in python"),
            Fallback.card("how would you design a system for splitting restaurant bills between friends"),
            Fallback.card("tell me about a time you had to relocate for a job"));
    int asked = 0;
    int taken = 0;
    int rightAlone = 0;
    int rightUnder = 0;
    int remarks = 0;
    int remarksTaken = 0;
    for (String set : args) {
      if (set.startsWith("--")) {
        continue;
      }
      for (Eval.Line l : Eval.parse(Files.readAllLines(Path.of("src/test/resources/eval", set + ".jsonl")))) {
        if (!l.speaker().equals("interviewer")) {
          continue;
        }
        if (!l.positive()) {
          for (Card on : up) {
            remarks++;
            Cues.Decision d = Eval.decide(cues, l.text(), on);
            if (d.kind() != Cues.Kind.NONE) {
              remarksTaken++;
              if (list) {
                System.out.println(set + " remark \"" + l.text() + "\" on \"" + on.question() + "\": " + d.kind());
              }
            }
          }
          continue;
        }
        Cues.Decision alone = Eval.decide(cues, l.text());
        boolean right = alone.kind() == Cues.Kind.CARD && Eval.hit(alone.match().card(), l.expect());
        for (Card on : up) {
          asked++;
          Cues.Decision d = Eval.decide(cues, l.text(), on);
          taken += d.kind() == Cues.Kind.FOLLOW_UP ? 1 : 0;
          if (list && d.kind() == Cues.Kind.FOLLOW_UP) {
            System.out.println(set + " \"" + l.text() + "\" on \"" + on.question() + "\": follow-up " + d.followUp().kind()
                + (right ? " (its right card alone)" : ""));
          }
          rightAlone += right ? 1 : 0;
          rightUnder += d.kind() == Cues.Kind.CARD && Eval.hit(d.match().card(), l.expect()) ? 1 : 0;
        }
      }
    }
    System.out.printf("%d askings with %s up: %d taken for follow-ups; right cards %d with nothing up, %d with it up;"
        + " %d of %d remarks heard with it up brought something%n",
        asked, cards ? "a bank card" : "a fallback", taken, rightAlone, rightUnder, remarksTaken, remarks);
  }

  private NewQuestionsUnderACue() {
  }
}

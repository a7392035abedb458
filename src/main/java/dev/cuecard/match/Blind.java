package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For {@code eval --blind}: the bank without every alias worded nearly like a line of the set being
 * measured, so that a figure shows how the matcher does on wording it has not been given, even when
 * the aliases and the set were written by the same people (docs/matching.md, "Held-out set 3").
 * "Nearly" is a Jaccard similarity of at least {@link #NEAR} between the analysed terms (stemmed,
 * stop words and fillers removed, as the matcher sees them) of the alias and of the line.
 */
public final class Blind {
  public static final double NEAR = 0.6;

  /** The bank without the aliases near a line, and how many were left out. */
  public record Result(Bank bank, int aliasesLeftOut) {
  }

  private Blind() {
  }

  public static Result of(Bank bank, List<String> lines) {
    List<Set<String>> said = new ArrayList<>();
    for (String l : lines) {
      Set<String> t = new HashSet<>(TextAnalysis.terms(l));
      if (!t.isEmpty()) {
        said.add(t);
      }
    }
    List<Card> cards = new ArrayList<>();
    int left = 0;
    for (Card c : bank.cards()) {
      List<String> kept = new ArrayList<>();
      for (String a : c.aliases()) {
        if (near(new HashSet<>(TextAnalysis.terms(a)), said)) {
          left++;
        } else {
          kept.add(a);
        }
      }
      cards.add(kept.size() == c.aliases().size() ? c : new Card(c.id(), c.bank(), c.question(), kept, c.category(),
          c.framework(), c.difficulty(), c.answer(), c.keyPoints(), c.followUps(), c.clarify(), c.reminders(), c.tags()));
    }
    return new Result(new Bank(cards, bank.sources()), left);
  }

  private static boolean near(Set<String> alias, List<Set<String>> said) {
    if (alias.isEmpty()) {
      return false;
    }
    for (Set<String> s : said) {
      int both = 0;
      for (String t : alias) {
        both += s.contains(t) ? 1 : 0;
      }
      if (both >= NEAR * (alias.size() + s.size() - both)) {
        return true;
      }
    }
    return false;
  }
}

package dev.cuecard.bench;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import dev.cuecard.match.Matcher;
import dev.cuecard.match.SemanticIndex;

import java.util.List;

/**
 * How long a user's own index takes to build (what {@code session.OwnCards} does on a worker
 * after every edit): the matcher over 20, 100 and all bundled cards (a user bank holds at most
 * 500), best and median of 20 builds after two warm-up rounds, each with its first lookup; then
 * the index by meaning that follows when the model runs (one thread, as {@code OwnCards} builds it),
 * best and median of 5 builds for 20 and 100 cards, one build of all of them.
 * Run: {@code java -cp target/test-classes:target/cuecard.jar dev.cuecard.bench.OwnIndexBench}.
 */
public final class OwnIndexBench {
  private OwnIndexBench() {
  }

  public static void main(String[] args) {
    Bank all = BankLoader.load(true, List.of());
    for (int round = 0; round < 3; round++) {
      for (int n : new int[] {20, 100, 500}) {
        List<Card> cards = all.cards().subList(0, Math.min(n, all.size()));
        long[] t = new long[20];
        for (int i = 0; i < t.length; i++) {
          long t0 = System.nanoTime();
          new Matcher(new Bank(cards, List.of()), 0.5).top("how do you keep a deploy from breaking checkout", 1);
          t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        if (round == 2) {
          System.out.printf("%d cards: best %.1f ms, median %.1f ms%n", cards.size(), t[0] / 1e6, t[t.length / 2] / 1e6);
        }
      }
    }
    SemanticIndex shared = SemanticIndex.build(new Matcher(all, 0.5));
    for (int n : new int[] {20, 100, all.size()}) {
      Matcher own = new Matcher(new Bank(all.cards().subList(0, n), List.of()), 0.5);
      int phrasings = own.bank().cards().stream().mapToInt(c -> 1 + c.aliases().size()).sum();
      long[] t = new long[n == all.size() ? 1 : 5];
      for (int i = 0; i < t.length; i++) {
        long t0 = System.nanoTime();
        SemanticIndex.besides(own, shared);
        t[i] = System.nanoTime() - t0;
      }
      java.util.Arrays.sort(t);
      System.out.printf("%d cards (%d phrasings) by meaning: best %.0f ms, median %.0f ms%n", n, phrasings, t[0] / 1e6,
          t[t.length / 2] / 1e6);
    }
  }
}

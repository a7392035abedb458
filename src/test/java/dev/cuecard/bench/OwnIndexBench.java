package dev.cuecard.bench;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import dev.cuecard.match.Matcher;

import java.util.List;

/**
 * How long a user's own index takes to build (what {@code session.OwnCards} does on a worker
 * after every edit): the matcher over 20, 100 and all bundled cards (a user bank holds at most
 * 500), best and median of 20 builds after two warm-up rounds, each with its first lookup.
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
  }
}

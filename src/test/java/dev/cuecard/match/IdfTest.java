package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdfTest {
  private static final Bank BUNDLED = BankLoader.load(true, List.of());

  @Test
  void aSmallBankWeighsItsWordsAsTheyAre() {
    // ten of forty cards use the word: common in that bank, so it weighs little; one card: rare
    assertTrue(Idf.of(40, 10) < 1.4, "common in a small bank: " + Idf.of(40, 10));
    assertTrue(Idf.of(40, 1) > Idf.of(40, 10));
    assertNotEquals(Idf.of(40, 3), Idf.of(80, 3), "below the cap the bank's size counts");
  }

  @Test
  void pastTheCapCardsThatDoNotUseAWordLeaveItsWeight() {
    assertEquals(Idf.of(Idf.CARDS, 7), Idf.of(Idf.CARDS + 300, 7));
    assertEquals(Idf.unknown(Idf.CARDS), Idf.unknown(5 * Idf.CARDS));
    assertTrue(Idf.of(Idf.CARDS + 300, 8) < Idf.of(Idf.CARDS + 300, 7), "a card that uses the word still counts");
    assertTrue(Idf.of(2 * Idf.CARDS, Idf.CARDS + 10) > 0, "a word in more cards than the cap weighs a little, never less");
  }

  @Test
  void unrelatedCardsAddedToTheBundledBankMoveNoScore() {
    assertTrue(BUNDLED.size() >= Idf.CARDS, "the bundled bank is past the cap: " + BUNDLED.size());
    List<Card> more = new ArrayList<>(BUNDLED.cards());
    for (int i = 0; i < 40; i++) {
      more.add(new Card("extra-" + i, "test", "What is the zorblax number " + i + " of the quintessa?", List.of(),
          "Testing", Card.Framework.TECHNICAL, "easy", "", List.of(), List.of(), null, List.of(), List.of()));
    }
    Matcher before = new Matcher(BUNDLED, 0.5);
    Matcher after = new Matcher(new Bank(more, List.of()), 0.5);
    for (String q : List.of("how do you debug a slow", "is the orm", "how do you decide which database",
        "what is the difference between select related and prefetch related")) {
      List<Match> b = before.top(q, 3);
      List<Match> a = after.top(q, 3);
      assertEquals(b.get(0).card().id(), a.get(0).card().id(), q);
      assertEquals(b.get(0).score(), a.get(0).score(), 1e-12, q);
      assertEquals(b.get(0).margin(), a.get(0).margin(), 1e-12, q);
    }
  }
}

package dev.cuecard.session;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.store.RememberedWordings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which wordings are kept, and the stand-in cards they become in the owner's index. */
class RememberedTest {
  @Test
  void aWordingIsAQuestionOfFourWordsOrMoreAndNotAMonologue() {
    assertEquals("why is that so slow", Remembered.wording("  why is  that so\tslow "));
    assertNull(Remembered.wording("so how would"));
    assertNull(Remembered.wording(null));
    assertNull(Remembered.wording("word ".repeat(RememberedWordings.MAX_CHARS)));
  }

  @Test
  void standInsCarryOnlyTheWordingsAndSkipCardsThatLeftTheBank() {
    Bank shared = BankLoader.load(true, List.of());
    Bank own = new Bank(List.of(), List.of());
    Bank with = Remembered.with(own, List.of(
        new RememberedWordings.Wording(1, "the dots object in python", "py-gil", 1),
        new RememberedWordings.Wording(2, "three dots what are they", "py-gil", 2),
        new RememberedWordings.Wording(3, "a card that is gone now", "no-such-card", 3)), shared);
    assertEquals(1, with.size());
    var standIn = with.get("py-gil");
    assertTrue(Remembered.is(standIn));
    assertEquals("the dots object in python", standIn.question());
    assertEquals(List.of("three dots what are they"), standIn.aliases());
    assertTrue(standIn.tags().isEmpty() && standIn.keyPoints().isEmpty() && standIn.answer().isEmpty(),
        "nothing else of the card's brings it");
    assertTrue(!Remembered.is(shared.get("py-gil")));
    assertEquals(own, Remembered.with(own, List.of(), shared), "no wordings: the own bank as it is");

    // among a fallback's nearest cards, the stand-in becomes the bank's card, once
    var near = Remembered.asBankCards(List.of(new dev.cuecard.match.Match(standIn, 0.8, 0.1),
        new dev.cuecard.match.Match(shared.get("py-gil"), 0.6, 0.1),
        new dev.cuecard.match.Match(shared.get("cs-process-thread"), 0.5, 0.1)), shared);
    assertEquals(List.of("py-gil", "cs-process-thread"), near.stream().map(m -> m.card().id()).toList());
    assertEquals(shared.get("py-gil"), near.get(0).card());
  }
}

package dev.cuecard.bank;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bundled card has an opening line of one sentence, shaped by its framework. */
class OpeningTest {
  private static final Bank BANK = BankLoader.load(true, List.of());

  @Test
  void everyCardHasAShortOpeningLine() {
    for (Card c : BANK.cards()) {
      String o = Opening.of(c);
      assertTrue(!o.isBlank() && o.length() <= Opening.MAX + 3, c.id() + ": " + o);
      assertEquals(o, c.toJson().getString("opening"));
    }
  }

  @Test
  void aTechnicalCardOpensWithTheFirstSentenceOfItsAnswer() {
    // the next sentence starts with an identifier in lower case: still a new sentence
    assertEquals("Both cut N+1 queries by loading related rows up front.", Opening.of(BANK.get("orm-select-vs-prefetch")));
    // a long first sentence is cut at its first colon
    String walrus = Opening.of(BANK.get("py-walrus"));
    assertTrue(walrus.endsWith("keep a result at once."), walrus);
  }

  @Test
  void storiesAndDesignsGetAWayIn() {
    assertTrue(Opening.of(BANK.get("beh-conflict")).contains("[the situation in one sentence]"));
    Card design = BANK.cards().stream().filter(c -> c.framework() == Card.Framework.DESIGN).findFirst().orElseThrow();
    assertEquals("Let me start with the requirements, then the main components, then how it scales.", Opening.of(design));
    Card scoped = new Card(design.id(), design.bank(), design.question(), design.aliases(), design.category(),
        design.framework(), design.difficulty(), design.answer(), design.keyPoints(), design.followUps(),
        "Is this for one region or worldwide?", design.reminders(), design.tags());
    assertEquals("Before I sketch anything, let me check the scope: is this for one region or worldwide?", Opening.of(scoped));
    // a fallback (no answer) still gets words to begin with
    assertTrue(Opening.of(dev.cuecard.match.Fallback.card("what does the ellipsis object do in python")).startsWith("In one sentence"));
  }
}

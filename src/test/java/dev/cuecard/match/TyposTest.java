package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TyposTest {
  private static final Bank BUNDLED = BankLoader.load(true, List.of());
  private static final Typos TYPOS = Typos.of(BUNDLED);

  @Test
  void aSlipIsReadAsTheWordTheCardsUse() {
    assertEquals("what is cache", TYPOS.correct("what is chache"));
    assertEquals("how to provide security to the apps", TYPOS.correct("how to provide sequrity to the apps"));
    assertEquals("how do you retry a celery task", TYPOS.correct("how do you retry a cellery task"));
    // a swapped pair and a letter left out; the rest of the text stays as typed
    assertEquals("What is middleware, really?", TYPOS.correct("What is middlewrae, really?"));
    assertEquals("explain decorators", TYPOS.correct("explain decoratrs"));
  }

  @Test
  void realWordsAndFormsOfTheCardsWordsStay() {
    // English words one edit from a card's word ("later", "class", "hash", "audit") are not slips
    for (String said : List.of("is the water cold", "a glass of it", "that sounds harsh", "the audio dropped",
        "the table was sharded by customer", "admins and approvers", "queuing theory")) {
      assertEquals(said, TYPOS.correct(said));
    }
  }

  @Test
  void shortWordsAndWordsWithTwoCandidatesStay() {
    assertEquals("what is rdis", TYPOS.correct("what is rdis"), "four letters: too many words are one edit away");
    // "jsonl" is one edit from both "json" and "jsonb"
    assertEquals("read a jsonl file", TYPOS.correct("read a jsonl file"));
    assertEquals("", TYPOS.correct(""));
  }
}

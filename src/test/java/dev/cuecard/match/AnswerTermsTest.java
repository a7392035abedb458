package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerTermsTest {
  private static final Bank BUNDLED = BankLoader.load(true, List.of());

  private static int position(Bank bank, String id) {
    List<Card> cards = bank.cards();
    for (int i = 0; i < cards.size(); i++) {
      if (cards.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no card " + id);
  }

  @Test
  void aWordOnlyOneAnswerTurnsOnPointsToThatCard() {
    AnswerTerms answers = new AnswerTerms(BUNDLED);
    double[] shares = answers.shares(TextAnalysis.terms("have you used hypothesis for testing"));
    int property = position(BUNDLED, "test-property-based");
    // "hypothesis" is also in the debugging story card's answer (form one, test it): shared, still distinctive
    assertTrue(shares[property] > 0.3, "hypothesis is most of the question's weight: " + shares[property]);
    for (int i = 0; i < shares.length; i++) {
      assertTrue(shares[i] <= shares[property], BUNDLED.cards().get(i).id() + " " + shares[i]);
    }
    double[] frames = answers.shares(TextAnalysis.terms("how does x frame options protect a site"));
    // the header is in two answers (clickjacking, security headers): both gain, no other card does
    assertTrue(frames[position(BUNDLED, "sec-clickjacking")] > 0);
    assertTrue(frames[position(BUNDLED, "sec-https-headers")] > 0);
    assertTrue(Arrays.stream(frames).filter(s -> s > 0).count() <= AnswerTerms.MAX_CARDS * 4L);
  }

  @Test
  void wordsManyAnswersShareCountForNoCard() {
    double[] shares = new AnswerTerms(BUNDLED).shares(TextAnalysis.terms("what about the database and the cache"));
    assertEquals(0, Arrays.stream(shares).max().orElse(0), 1e-12);
    assertEquals(0, Arrays.stream(new AnswerTerms(BUNDLED).shares(List.of())).sum(), 1e-12);
  }

  @Test
  void theSemanticScoreCarriesTheShareOfAnswerWords() {
    Card property = card("prop", "What is property-based testing?", List.of("hypothesis", "shrinking"));
    Card fixtures = card("fix", "How do pytest fixtures work?", List.of("conftest", "scope"));
    Card tdd = card("tdd", "What is test-driven development?", List.of("red green refactor"));
    Card plain = card("prop", "What is property-based testing?", List.of("shrinking"));
    String question = "have you used hypothesis for testing";
    SemanticIndex with = SemanticIndex.build(new Matcher(new Bank(List.of(property, fixtures, tdd), List.of()), 0.5));
    SemanticIndex without = SemanticIndex.build(new Matcher(new Bank(List.of(plain, fixtures, tdd), List.of()), 0.5));
    double share = new AnswerTerms(new Bank(List.of(property, fixtures, tdd), List.of()))
        .shares(TextAnalysis.terms(question))[0];
    assertTrue(share > 0);
    double gained = score(with, question, "prop") - score(without, question, "prop");
    assertTrue(gained > 0.01, "the answer word raised the card: " + gained);
    assertEquals(SemanticIndex.ANSWER_WEIGHT * share, gained, 1e-4);
    assertEquals(score(with, question, "fix"), score(without, question, "fix"), 1e-6, "other cards keep their score");
  }

  private static double score(SemanticIndex index, String text, String id) {
    return index.ranking(text, 3).top().stream().filter(m -> m.card().id().equals(id)).findFirst()
        .orElseThrow().score();
  }

  /** A card whose only answer vocabulary is one key point's curated terms (no tags: they are lexical too). */
  private static Card card(String id, String question, List<String> terms) {
    return new Card(id, "test", question, List.of(), "Testing", Card.Framework.TECHNICAL, "easy", "",
        List.of(new Card.KeyPoint(String.join(", ", terms), terms)), List.of(), null, List.of(), List.of());
  }
}

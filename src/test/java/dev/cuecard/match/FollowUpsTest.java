package dev.cuecard.match;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follow-up resolution against the card on screen, on the bundled bank (no semantic model). */
class FollowUpsTest {
  static Matcher matcher;

  @BeforeAll
  static void build() {
    matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
  }

  private static Card card(String id) {
    Card c = matcher.bank().get(id);
    assertTrue(c != null, id);
    return c;
  }

  private static FollowUps.Kind kind(String heard, String onScreen) {
    return FollowUps.resolve(heard, card(onScreen), matcher).map(FollowUps.FollowUp::kind).orElse(null);
  }

  @Test
  void genericFollowUpsAreRecognisedByWhatTheyAskFor() {
    assertEquals(FollowUps.Kind.WHY, kind("why", "orm-n-plus-one"));
    assertEquals(FollowUps.Kind.WHY, kind("and why is that", "orm-n-plus-one"));
    assertEquals(FollowUps.Kind.SCALE, kind("and how would that scale", "design-celery"));
    assertEquals(FollowUps.Kind.EXAMPLE, kind("can you give me an example", "py-decorators"));
    assertEquals(FollowUps.Kind.EXAMPLE, kind("could you show me a quick example", "py-decorators"));
    // a quantity put as a fragment asks, though it is no question by itself
    assertEquals(FollowUps.Kind.SCALE, kind("and for a million appointments a day", "design-celery"));
    assertEquals(FollowUps.Kind.SCALE, kind("and with a hundred million points", "design-celery"));
    assertNull(kind("and with that we're done with this part", "design-celery"));
    assertEquals(FollowUps.Kind.DIFFERENTLY, kind("what would you do differently", "beh-conflict"));
    assertEquals(FollowUps.Kind.LEARNED, kind("what did you learn from it", "beh-conflict"));
  }

  @Test
  void storyCardsGetStoryPointersAndTechnicalCardsTheirOwnPoints() {
    FollowUps.FollowUp story = FollowUps.resolve("why", card("beh-conflict"), matcher).orElseThrow();
    FollowUps.FollowUp tech = FollowUps.resolve("why", card("orm-n-plus-one"), matcher).orElseThrow();
    assertFalse(story.pointers().isEmpty());
    assertFalse(tech.pointers().isEmpty());
    assertTrue(!story.pointers().equals(tech.pointers()), "a story's why is not a technique's why");
    FollowUps.FollowUp scale = FollowUps.resolve("what if the table had a billion rows", card("orm-indexes"), matcher)
        .orElseThrow();
    assertEquals("scale", scale.toJson().getString("kind"));
  }

  @Test
  void aListedFollowUpLinksTheCardThatAnswersIt() {
    FollowUps.FollowUp f = FollowUps.resolve("how would you spot an n plus one problem in production",
        card("orm-select-vs-prefetch"), matcher).orElseThrow();
    assertEquals(FollowUps.Kind.LISTED, f.kind());
    assertEquals("How would you spot an N+1 problem in production?", f.listed());
    assertEquals("orm-n-plus-one", f.linked().id());
    assertEquals(f.linked().keyPoints().get(0).text(), f.pointers().get(0));
    assertEquals("orm-n-plus-one", f.toJson().getJsonObject("linked").getString("id"));
  }

  @Test
  void newQuestionsStoriesAndRemarksAreNotFollowUps() {
    // names another card confidently
    assertNull(kind("what are django signals and when should you avoid them", "orm-select-vs-prefetch"));
    // "why" that asks a card of its own
    assertNull(kind("why do you want to work here", "orm-select-vs-prefetch"));
    // a new story
    assertNull(kind("tell me about a time you missed a deadline", "beh-conflict"));
    // a remark, and speech too long to be a follow-up
    assertNull(kind("great that makes sense", "orm-select-vs-prefetch"));
    assertNull(kind("okay so we have covered the orm pretty well and i think we should now move on to talk about"
        + " how you deploy things and what your pipeline looks like end to end", "orm-select-vs-prefetch"));
    // nothing on screen
    assertEquals(Optional.empty(), FollowUps.resolve("why", null, matcher));
    // a fallback on screen takes the generic follow-ups, with the prompts of their kind
    FollowUps.FollowUp why = FollowUps.resolve("why", Fallback.card("what does the ellipsis object do"), matcher)
        .orElseThrow();
    assertEquals(FollowUps.Kind.WHY, why.kind());
    assertTrue(!why.pointers().isEmpty());
    assertEquals(Optional.empty(), FollowUps.resolve("great that makes sense", Fallback.card("what is x"), matcher));
  }

  @Test
  void aFallbackIsFollowedUpInEverydayWordsButNewQuestionsKeepTheirCards() {
    Card bills = Fallback.card("how would you design a system for splitting restaurant bills between friends");
    // a short hypothetical is about the fallback on screen, with the generic prompts
    FollowUps.FollowUp back = FollowUps.resolve("what if two friends split the same bill twice", bills, matcher)
        .orElseThrow();
    assertEquals(FollowUps.Kind.TOPIC, back.kind());
    assertTrue(!back.pointers().isEmpty());
    // more of the generic kinds' everyday wordings
    assertEquals(FollowUps.Kind.TRADEOFFS, FollowUps.resolve("what are the risks of that", bills, matcher).orElseThrow().kind());
    assertEquals(FollowUps.Kind.METRICS, FollowUps.resolve("can you put a number on it", bills, matcher).orElseThrow().kind());
    assertEquals(FollowUps.Kind.TESTING, FollowUps.resolve("how would you test for that", bills, matcher)
        .orElseThrow().kind());
    // new questions that point at something with "that" or "it" keep their own card
    assertNotEquals(FollowUps.Kind.TESTING, kind("how do you test code that calls an external api", "orm-n-plus-one"));
    assertEquals(Optional.empty(), FollowUps.resolve("messages can arrive twice or out of order how do you cope with that",
        bills, matcher));
    assertEquals(FollowUps.Kind.CHOICE, FollowUps.resolve("what would you pick for the database", bills, matcher)
        .orElseThrow().kind());
    // a new question that names a card of its own, and a remark, are not follow-ups
    assertEquals(Optional.empty(), FollowUps.resolve("what is the difference between a process and a thread", bills, matcher));
    assertEquals(Optional.empty(), FollowUps.resolve("right we have one of those at work", bills, matcher));
    // on a bank card, a hypothetical that touches none of its words is still about the answer just given
    assertEquals(FollowUps.Kind.TOPIC, kind("what if two people click the same link at once", "design-url-shortener"));
    // but words that bring any card, even unsurely, ask a new question, and so does "what would you use"
    assertEquals(Optional.empty(), FollowUps.resolve("what is it that makes django querysets lazy", bills, matcher));
    assertNull(kind("what happens when you type a web address into a browser", "design-url-shortener"));
    assertNotEquals(FollowUps.Kind.CHOICE, kind("what would you use to profile a slow view", "orm-n-plus-one"));
  }

  @Test
  void aPhraseCarryingTheQuestionOnIsAFollowUpButAClosingRemarkIsNot() {
    Card events = Fallback.card("how would you store events that repeat, say every second tuesday of the month");
    assertEquals(FollowUps.Kind.TOPIC, FollowUps.resolve("and across a daylight saving change", events, matcher)
        .orElseThrow().kind());
    Card undo = Fallback.card("how would you build an undo feature for edits in a web app");
    assertEquals(FollowUps.Kind.TOPIC, FollowUps.resolve("and redo", undo, matcher).orElseThrow().kind());
    assertEquals(FollowUps.Kind.TOPIC, FollowUps.resolve("and with fifty thousand rows in one go", undo, matcher)
        .orElseThrow().kind());
    // nothing of substance, or a topic closed, carries nothing on
    assertEquals(Optional.empty(), FollowUps.resolve("and thanks", undo, matcher));
    assertEquals(Optional.empty(), FollowUps.resolve("and with that let's move on to testing", undo, matcher));
    // a story's "what went wrong" is about the story, whatever card "wrong" might bring
    Card agency = Fallback.card("tell me about a time you had to work with an outside agency or contractor");
    assertEquals(FollowUps.Kind.FAILURE, FollowUps.resolve("what went wrong", agency, matcher).orElseThrow().kind());
  }

  @Test
  void aPronounWithNothingBeforeItToStandForIsAboutTheCueOnScreen() {
    // nothing before "it" / "ones" but the verb that governs it: it can only be what is on screen
    assertTrue(FollowUpWords.dangles("how would you cache it between requests"));
    assertTrue(FollowUpWords.dangles("how do you retry the ones that fail"));
    assertTrue(FollowUpWords.dangles("and how would you know if it's slow"));
    // the question names its own subject first, or its "it" stands for nothing
    assertFalse(FollowUpWords.dangles("what is a trie and what is it good for"));
    assertFalse(FollowUpWords.dangles("celery beat how do you run it next to the workers"));
    assertFalse(FollowUpWords.dangles("is it wise to put business logic in signals"));
    assertFalse(FollowUpWords.dangles("when does it make sense to denormalise"));
    assertFalse(FollowUpWords.dangles("if it walks like a duck and quacks like a duck what is it"));
    // under a fallback its own words would bring the caching card; it stays on the fallback's
    // question, with that card one click away
    Card feed = Fallback.card("how would you build a news feed that loads fast for a million readers");
    assertTrue(matcher.match("how would you cache it between requests", true).isPresent());
    FollowUps.FollowUp more = FollowUps.resolve("how would you cache it between requests", feed, matcher).orElseThrow();
    assertEquals(FollowUps.Kind.TOPIC, more.kind());
    assertNotNull(more.linked());
    // a new question with its own subject keeps its card
    assertEquals(Optional.empty(), FollowUps.resolve("what is a trie and what is it good for", feed, matcher));
  }

  @Test
  void aFollowUpWithNoWordsOfItsOwnIsNeverAnotherCardsQuestion() {
    Card money = Fallback.card("how would you store money amounts in a database");
    // "example" and "show" bring a card of their own, but the line is nothing besides the follow-up
    assertEquals(FollowUps.Kind.EXAMPLE, FollowUps.resolve("can you show me an example", money, matcher).orElseThrow().kind());
    assertEquals(FollowUps.Kind.FAILURE, FollowUps.resolve("what goes wrong if you get that wrong", money, matcher)
        .orElseThrow().kind());
    assertEquals(FollowUps.Kind.CHOICE, FollowUps.resolve("which database would you choose", money, matcher)
        .orElseThrow().kind());
    assertEquals(FollowUps.Kind.ALTERNATIVES, FollowUps.resolve("could you use a string instead", money, matcher)
        .orElseThrow().kind());
    assertEquals(FollowUps.Kind.ROLE, kind("what exactly did you do yourself", "beh-conflict"));
    assertEquals(FollowUps.Kind.TESTING, FollowUps.resolve("how would you run them in ci", money, matcher)
        .orElseThrow().kind());
    // the hardest part, where to start, and a hypothetical put as "and if ..." (no question by itself)
    assertEquals(FollowUps.Kind.HARDEST, kind("what was the hardest part", "beh-conflict"));
    assertEquals(FollowUps.Kind.FIRST, FollowUps.resolve("what would be your first step", money, matcher).orElseThrow().kind());
    assertEquals(FollowUps.Kind.SCALE, kind("and if the tables had billions of rows", "orm-indexes"));
    assertNull(kind("what's the hardest feedback you've ever had and what did you do with it", "orm-n-plus-one"));
    // small talk by its words follows nothing up, whatever it shares with the card
    assertNull(kind("is this still a good time for you", "beh-conflict"));
    // the same words inside a question of its own, or a new story, are not follow-ups
    assertNotEquals(FollowUps.Kind.FAILURE, kind("when do you use mocks and what goes wrong with them", "beh-conflict"));
    assertNull(kind("tell me about something that went wrong and what you learned", "orm-n-plus-one"));
    assertNull(kind("offset pagination gets slow on page ten thousand what instead", "beh-conflict"));
  }

  @Test
  void touchesWeighsTheQuestionsWordsByRarity() {
    Card c = card("orm-select-vs-prefetch");
    assertTrue(FollowUps.touches("and prefetch related", c, matcher));
    assertTrue(FollowUps.touches("when is the join slower", c, matcher));
    assertFalse(FollowUps.touches("what about kubernetes pods and helm charts", c, matcher));
    assertFalse(FollowUps.touches("what does the ellipsis object do in python", c, matcher), "common words do not make it");
    assertTrue(FollowUps.touches("nice and how would you spot an n plus one problem in the first place", c, matcher));
    assertFalse(FollowUps.touches("", c, matcher));
  }
}

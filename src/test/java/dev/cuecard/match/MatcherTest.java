package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatcherTest {
  static Matcher matcher;

  @BeforeAll
  static void load() {
    Bank bank = BankLoader.load(true, List.of());
    matcher = new Matcher(bank, 0.5);
  }

  /**
   * Written questions, as public lists put them: their scaffolding ("the purpose of", "the concept
   * of", "(e.g., ...)", a file's ".py") is rare in the bank's spoken phrasings, so it once weighed as
   * much as a topic; "settings" stemmed as "sets" does; "OAuth2" split as "O Auth2".
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "What is the purpose of the settings.py file? | django-manage-settings",
      "What is the purpose of Django's urls.py file? | urls-routing",
      "How do you integrate OAuth2 with DRF? | auth-oauth",
  })
  void theScaffoldingOfAWrittenQuestionCarriesNoTopic(String written, String expected) {
    assertEquals(expected, matcher.rank(written, 1).get(0).card().id(), "ranked: " + matcher.rank(written, 3));
  }

  /** The bank is worded in British spelling; recognisers and other people's lists write American. */
  @Test
  void britishAndAmericanSpellingsMeet() {
    assertEquals(TextAnalysis.terms("optimise the behaviour of a modelling centre, prioritised and analysed"),
        TextAnalysis.terms("optimize the behavior of a modeling center, prioritized and analyzed"));
    // a question in American spelling is sure by its words of a card phrased in British (0.66 before)
    List<Match> top = matcher.top("how do you customize the django admin", 1);
    assertEquals("admin-customising", top.get(0).card().id());
    assertTrue(CueRule.sureByWords(top.get(0)), top.toString());
    // words too short to be such a spelling are left alone
    assertEquals(List.of("rais", "rise"), TextAnalysis.terms("raise rise"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "so what's the difference between select related and prefetch related | orm-select-vs-prefetch",
      "um can you explain the n plus one query problem | orm-n-plus-one",
      "what does it mean that query sets are lazy | orm-queryset-lazy",
      "how do transactions work in jango | orm-transactions",
      "what's the difference between annotate and aggregate | orm-annotate-aggregate",
      "so how do django migrations work | orm-migrations",
      "walk me through what happens when a request hits django | django-request-lifecycle",
      "what is middleware in django and when would you write your own | django-middleware",
      "tell me about a time you had a conflict with a teammate | beh-conflict",
      "okay so tell me about a project you're proud of | beh-proud-project",
      "what is a decorator in python | py-decorators",
      "explain the gil | py-gil",
      "how would you scale a django app to handle more traffic | design-scale-django",
      "how do you run background jobs with celery | design-celery",
      "what does a serializer do in d r f | drf-serializers",
      "how do permissions work in django rest framework | drf-permissions",
      "tell me about yourself | beh-yourself",
      "why do you want to work here | beh-why-company",
      "how would you make an api endpoint idempotent | design-idempotent-api",
      "how do you test a django application | test-django-testing",
  })
  void spokenQuestionsFindTheirCard(String heard, String expected) {
    Optional<Match> m = matcher.match(heard, true);
    assertTrue(m.isPresent(), "no card for '" + heard + "'; best: " + matcher.rank(heard, 3));
    assertEquals(expected, m.get().card().id(), "ranked: " + matcher.rank(heard, 3));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hi thanks for joining today",
      "how are you doing today",
      "great thanks that makes sense",
      "we use django and celery at work quite a lot",
      "okay let's move on",
      "select related prefetch related",
      "so what's the",
      "can you hear me okay",
      "what's the weather like where you are",
      "i'll share my screen now",
  })
  void smallTalkStatementsAndFragmentsGiveNoCard(String heard) {
    assertFalse(matcher.match(heard, true).isPresent(), "'" + heard + "' matched " + matcher.rank(heard, 3));
  }

  @Test
  void anInterimNeedsAClearLeadButTheFinalDoesNot() {
    // half a question is ambiguous between the select_related card and the comparison card
    String partial = "so what's the difference between select related and";
    Optional<Match> interim = matcher.match(partial, false);
    interim.ifPresent(m -> assertEquals("orm-select-vs-prefetch", m.card().id(),
        "an interim may only commit to the card the full question will match"));
    Match full = matcher.match(partial + " prefetch related", true).orElseThrow();
    assertEquals("orm-select-vs-prefetch", full.card().id());
    assertTrue(full.score() > 0.9, "the full question is a near-exact match: " + full.score());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "what is a serializermethodfield and when is it a problem | drf-method-field",
      "testcase versus transactiontestcase | test-test-database",
      "so jsonresponse versus httpresponse versus streaminghttpresponse | django-request-response-objects",
      "what does django's securitymiddleware do | django-security-middleware",
  })
  void identifiersSaidAsOneLowerCaseWordStillMatch(String heard, String card) {
    // typed or recognised without the capitals or underscores the card spells them with
    Match m = matcher.match(heard, true).orElseThrow(() -> new AssertionError(heard + " ranked " + matcher.rank(heard, 3)));
    assertEquals(card, m.card().id());
  }

  @Test
  void compoundsComeOnlyFromIdentifiers() {
    assertEquals(java.util.Map.of(TextAnalysis.terms("transactiontestcase").get(0), TextAnalysis.terms("transaction test case")),
        TextAnalysis.compounds("When do you need a TransactionTestCase?"));
    // the synonym list already maps "selectrelated" and "select related" to one token
    assertTrue(TextAnalysis.compounds("use select_related()").isEmpty());
    assertTrue(TextAnalysis.compounds("plain words and APIs only").isEmpty());
  }

  @Test
  void fusionScoresAreTheLivePathScores() {
    // the semantic fallback takes its lexical part from confidences(): it must agree with match()
    String q = "what is middleware in django and when would you write your own";
    double[] all = matcher.confidences(q);
    Match live = matcher.match(q, true).orElseThrow();
    int at = matcher.bank().cards().indexOf(live.card());
    assertEquals(live.score(), all[at], 1e-12);
    for (double c : all) {
      assertTrue(c <= all[at], "no card scores above the live match");
    }
    double[] none = matcher.confidences("zzz qqq");
    assertEquals(matcher.bank().size(), none.length);
    assertTrue(java.util.Arrays.stream(none).allMatch(c -> c == 0), "unknown words share no term with any card");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "so what's the difference between x and y | true",
      "tell me about a time you failed | true",
      "walk me through your last project | true",
      "explain how caching works | true",
      "um okay and how does that scale | true",
      "great answer thanks and can you tell me about celery | true",
      "we use select related a lot in our code | false",
      "that's a good point | false",
      "i know what you mean | false",
      "okay let's move on to the next section | false",
      "given an array of strings group the anagrams together | true",
      "okay reverse a linked list in place | true",
      "if i pass a dict into a function and change it does the caller see it | true",
      "and what else would you cache | true",
      "if it rains we just stay inside | false",
      "we check the logs every morning | false",
      // a problem stated in the present tense is put to the candidate; a past one is a story
      "the celery queue keeps growing and nothing gets processed | true",
      "css isnt loading once we turn debug off | true",
      "the nightly export times out after ten minutes | true",
      "we had an outage last month and the queue was stuck | false",
      "we send our errors to sentry | false",
      "dates are an hour off for our users how come | true",
      "convince me that we should use postgres | true",
      // an interrogative after a preposition or a few words in, as speech has it
      "so at what point does a query set actually hit the database | true",
      "the list view does a query for every row what's going on there | true",
      "and for that page how many queries does it make | true",
      "we kept everything in what you would call a monolith | false",
      "that's not what i meant | false",
      // a question put after its setting, as speech has it, but not a stutter or a statement's "is it"
      "we have a table with millions of orders should we partition it | true",
      "the same report is requested every minute will it help to cache it | true",
      "a class that only ever has one instance what's that called | true",
      "right so let me ask about deployment what's your usual setup | true",
      "postgres full text search versus elasticsearch for a small product catalogue | true",
      "we should we should probably move on | false",
      "the problem is it doesn't scale past one server | false",
      "django does it for you in the admin | false",
      "as soon as we can we ship the fix | false",
      // a yes-or-no question after its subject, a question about a cause, "run me through", a closing offer
      "sessions and tokens are they really different | true",
      "people say orms are slow is that fair | true",
      "an attacker changes the id in the url what prevents them seeing other orders | true",
      "run me through how a request reaches a view | true",
      "that's it from me anything you want to ask | true",
      "that's exactly what causes the confusion | false",
      "the cache is what stops the database falling over | false",
      "they are the same in most cases | false",
      "the order matters a lot here | false",
      "okay this is it right now we start | false",
      // a task set after its setting
      "here's a warm up you get a list of words find me the longest one | true",
      "you have two sorted arrays write me a function that merges them | true",
      "the script would find me a few good candidates every night | false",
      // written prompts, as question lists put them, without a question mark
      "Differentiate between HttpResponse and JsonResponse in Django. | true",
      "Distinguish a process from a thread | true",
      "Discuss the trade-offs of denormalising a table | true",
      "Mention some built-in decorators that Django ships | true",
      // a written question whose prompt is a later sentence, after its setting; a later sentence that opens
      // like a statement asks nothing
      "Deadlines slip in every team. Give an example of how you kept one. | true",
      "Caching is hard: name two cases where you would skip it. | true",
      "Deadlines slip in every team. Sort of. | false",
      "We moved to postgres last year. It was a good call. | false",
      // a coding task under a short heading, and one said after its input; a heading before a statement, and
      // "given" in a statement, ask nothing
      "Rate Limiter: Implement a token bucket algorithm for API rate limiting. | true",
      "Binary Search Tree Validation: Validate if a binary tree is a BST. | true",
      "two sum variant given a list of transactions and a target amount find all pairs that add up to it | true",
      "Note: we moved the standup to ten. | false",
      "we were lucky, given a week we found the leak and fixed it | false",
      // an order opening with "create", as question lists set a task
      "Create a complete Docker setup for a full-stack application. | true",
      "create a view that lists the orders of one customer | true",
      // a behavioural prompt cut to its subject; not a recollection of what was said
      "Time when you went above and beyond your job responsibilities. | true",
      "okay, a time you disagreed with your manager | true",
      "another situation where you had to push back on a deadline | true",
      "last time you mentioned caching the sessions | false",
      "time flies when you enjoy the work | false",
      // a case to be made, after its setting or at the start; not "I'd argue ..." in an answer
      "Your team must ship an internal admin tool in a month. Argue for or against Django. | true",
      "justify picking postgres over mongo for this product | true",
      "I'd argue the ORM was fine for that. | false",
  })
  void questionDetection(String text, boolean question) {
    assertEquals(question, QuestionDetector.isQuestion(text), text);
  }

  @Test
  void anAliasOfCommonWordsMatchesAFinishedQuestionButLandsNothingEarly() {
    // "What is Django?" is all common words: a finished question still finds its card ...
    assertEquals("django-what-is", matcher.match("what is django", true).orElseThrow().card().id());
    // ... but a question still being spoken that names django does not land it
    for (String interim : List.of("how does django", "what is django", "so in django")) {
      Optional<Match> early = matcher.match(interim, false);
      assertTrue(early.isEmpty() || !early.get().card().id().equals("django-what-is"), interim + " -> " + early);
      assertTrue(matcher.topInterim(interim, 3).stream().noneMatch(m -> m.score() >= 0.9), interim);
    }
    // and a telling alias still lands early
    assertEquals("py-list-append-extend", matcher.match("append versus extend", false).orElseThrow().card().id());
  }
}

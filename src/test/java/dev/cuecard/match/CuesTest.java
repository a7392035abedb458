package dev.cuecard.match;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cue decision's two halves and its calibrated rule, on the bundled bank. */
class CuesTest {
  static Matcher matcher;
  static Cues lexicalOnly;

  @BeforeAll
  static void build() {
    matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    lexicalOnly = new Cues(matcher, null);
  }

  private static Match m(String id, double score, double margin) {
    return new Match(matcher.bank().get(id), score, margin);
  }

  @Test
  void aSureLexicalCardIsShownInline() {
    Cues.Decision d = new Cues(matcher, null).inline("what is a decorator in python", true, null, new Cues.Trend());
    assertEquals(Cues.Kind.CARD, d.kind());
    assertEquals("py-decorators", d.match().card().id());
    assertEquals("match", d.source());
  }

  @Test
  void statementsGetNothingAndUnsureQuestionsGoOffTheLoop() {
    Cues.Trend trend = new Cues.Trend();
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("we use postgres at work", true, null, trend).kind());
    // lexical only: nothing sure inline, a detected question goes to the worker for its fallback
    Cues.Decision later = lexicalOnly.inline("what does the ellipsis object do in python", true, null, trend);
    assertEquals(Cues.Kind.LATER, later.kind());
    Cues.Decision off = lexicalOnly.offLoop("what does the ellipsis object do in python", null);
    assertEquals(Cues.Kind.FALLBACK, off.kind());
    assertTrue(!off.related().isEmpty() && off.related().size() <= Fallback.RELATED, off.related().toString());
  }

  @Test
  void smallTalkAboutTheCallGetsNoFallbackButTechnicalWordsStillDo() {
    assertTrue(!Fallback.deserves("did you manage to find parking"));
    assertTrue(!Fallback.deserves("how has your week been treating you"));
    assertTrue(!Fallback.deserves("is the audio okay or should i reconnect"));
    assertTrue(Fallback.deserves("how would you handle ten times more traffic next month"));
    assertTrue(Fallback.deserves("what does the ellipsis object do in python"));
    assertTrue(!Fallback.deserves("how was the drive over this morning"));
    assertTrue(!Fallback.deserves("sorry the line cut out what was the last thing you said"));
    assertTrue(Fallback.deserves("how would you find the slowest query in a django view"));
  }

  @Test
  void aQuestionNoCardAnswersThatPointsBackAtAFallbackFollowsItUp() {
    Card flags = Fallback.card("how would you build a feature flag for a mobile app with offline users");
    Cues.Decision more = lexicalOnly.offLoop("how would that work when the phone is offline for a week", flags);
    assertEquals(Cues.Kind.FOLLOW_UP, more.kind(), more.toString());
    assertEquals(FollowUps.Kind.TOPIC, more.followUp().kind());
    // without the fallback on screen the same words are a fallback of their own
    assertEquals(Cues.Kind.FALLBACK, lexicalOnly.offLoop("how would that work when the phone is offline for a week", null).kind());
    // so is a short question no card answers, pointer or not; a long one is a fallback of its own
    Cues.Decision shortOne = lexicalOnly.offLoop("where would the values be cached on the device", flags);
    assertEquals(Cues.Kind.FOLLOW_UP, shortOne.kind(), shortOne.toString());
    assertEquals(Cues.Kind.FALLBACK, lexicalOnly.offLoop("where would the values be cached on the device", null).kind());
    assertEquals(Cues.Kind.FALLBACK, lexicalOnly.offLoop("how would you design the billing system for a chain of"
        + " dental clinics with insurance claims", flags).kind());
    // a question a card answers keeps its card, pointer or not (without the model: by its words)
    Cues.Decision card = lexicalOnly.offLoop("so in that case what is the difference between select related and"
        + " prefetch related", flags);
    assertEquals(Cues.Kind.CARD, card.kind(), card.toString());
  }

  /** Alone, {@code more} gets a card; under {@code up} it follows {@code up} up, that card linked. */
  private static Cues.Decision followsUpWithItsOwnCardOneClickAway(Cues cues, String more, Card up) {
    Cues.Decision alone = cues.offLoop(more, null);
    assertEquals(Cues.Kind.CARD, alone.kind(), alone.toString());
    Cues.Decision d = cues.offLoop(more, up);
    assertEquals(Cues.Kind.FOLLOW_UP, d.kind(), d.toString());
    assertEquals(alone.match().card().id(), d.followUp().linked().id());
    return alone;
  }

  @Test
  void aShortQuestionUnderAFallbackThatOnlyTheModelGivesACardFollowsItUpWithTheCardOneClickAway() {
    Cues cues = new Cues(matcher, index());
    Card reminders = Fallback.card("how would you design a system that sends reminder texts before appointments");
    String more = "where would the schedule live";
    followsUpWithItsOwnCardOneClickAway(cues, more, reminders); // the model finds a card for it on its own
    // nor does it land early from a pause
    assertEquals(Cues.Kind.NONE, cues.speculate(more, reminders).kind());
    // a short new question whose words give its card keeps it
    Cues.Decision card = cues.offLoop("what does select related do", reminders);
    assertEquals(Cues.Kind.CARD, card.kind(), card.toString());
    assertEquals("orm-select-vs-prefetch", card.match().card().id());
    // and under a bank card the rule is as before
    assertEquals(Cues.Kind.CARD, cues.offLoop(more, matcher.bank().get("beh-conflict")).kind());
  }

  @Test
  void whatYouWouldDoThereUnderAFallbackFollowsItUpUnlessItBringsInASubjectOfItsOwn() {
    Cues cues = new Cues(matcher, index());
    Card referrals = Fallback.card("how would you run a referral scheme where people earn credit for inviting friends");
    Cues.Decision alone = followsUpWithItsOwnCardOneClickAway(cues, "where would you keep the balance", referrals);
    assertTrue(alone.match().score() < CueRule.LEXICAL_SURE, alone.toString()); // its words bring it, not surely
    // "a json field" brings in a subject of its own: a new question, with its card
    String fresh = "when would you use a json field";
    Cues.Decision own = cues.offLoop(fresh, null);
    Cues.Decision under = cues.offLoop(fresh, referrals);
    assertEquals(Cues.Kind.CARD, under.kind(), under.toString());
    assertEquals(own.match().card().id(), under.match().card().id());
    assertFalse(OnScreen.whatYouWouldDo(fresh));
    assertTrue(OnScreen.whatYouWouldDo("should the server or the browser decide"));
    assertFalse(OnScreen.whatYouWouldDo("how do you keep the balance"));
    assertFalse(OnScreen.whatYouWouldDo("what would you say are the main features that define python"));
  }

  @Test
  void aFollowUpToAFallbackTakesACardOnlyWhenItClearsTheLineByAMargin() {
    Cues cues = new Cues(matcher, index());
    // its words are just sure of the custom fields card (a money field): asked alone, shown at once ...
    String type = "what type would you store the amounts in";
    Card prices = Fallback.card("how would you show prices to customers in different currencies");
    Cues.Decision alone = cues.inline(type, true, null, new Cues.Trend());
    assertEquals(Cues.Kind.CARD, alone.kind(), alone.toString());
    assertTrue(alone.match().score() < CueRule.LEXICAL_SURE + CueRule.LEAVE_FALLBACK, alone.toString());
    // ... under the fallback it goes to the worker, which keeps it there with the card one click away
    assertEquals(Cues.Kind.LATER, cues.inline(type, true, prices, new Cues.Trend()).kind());
    followsUpWithItsOwnCardOneClickAway(cues, type, prices);
    // a card the words give at the bare threshold: a follow-up too
    Card undo = Fallback.card("how would you build an undo feature for edits in a web app");
    Cues.Decision storage = cues.offLoop("how does that affect storage", undo);
    assertEquals(Cues.Kind.FOLLOW_UP, storage.kind(), storage.toString());
    // a card its words give alone, the model ranking others first, by less than the margin over that line:
    // asked alone, shown; under a fallback, a follow-up with the card one click away
    String done = "how do you know when you're done";
    Card passwords = Fallback.card("how would you migrate user passwords from an old hashing scheme");
    Cues.Decision byWords = followsUpWithItsOwnCardOneClickAway(cues, done, passwords);
    assertTrue(byWords.match().score() < CueRule.LEXICAL_ALONE + CueRule.LEAVE_FALLBACK, byWords.toString());
  }

  @Test
  void aShortQuestionWithNoSubjectOfItsOwnAsksAboutTheCueUp() {
    Card story = Fallback.card("tell me about a time you had to learn a new business domain quickly");
    // too few words for a card of its own: about the story on screen
    assertEquals(Cues.Kind.LATER, lexicalOnly.inline("who did you lean on", true, story, new Cues.Trend()).kind());
    Cues.Decision lean = lexicalOnly.offLoop("who did you lean on", story);
    assertEquals(Cues.Kind.FOLLOW_UP, lean.kind(), lean.toString());
    assertEquals(Cues.Kind.FOLLOW_UP, lexicalOnly.offLoop("who did you lean on", matcher.bank().get("beh-conflict")).kind());
    // with nothing up it is nothing, and neither small talk, a new story nor words cut off follow anything up
    assertEquals(Cues.Kind.NONE, lexicalOnly.offLoop("who did you lean on", null).kind());
    assertEquals(Cues.Kind.NONE, lexicalOnly.offLoop("is this still a good time for you", story).kind());
    assertEquals(Cues.Kind.NONE, lexicalOnly.offLoop("so what's the", story).kind());
    assertNotEquals(Cues.Kind.FOLLOW_UP, lexicalOnly.offLoop("tell me about a time you failed", story).kind());
  }

  @Test
  void withoutTheModelSmallTalkBringsOnlyACardItsWordsAreSureOf() {
    Cues.Trend trend = new Cues.Trend();
    // an unsure card by words on small talk (0.5-0.7) is left off; the same words' card on a question is not
    String talk = "are you ready to get going";
    assertTrue(matcher.match(talk, true).map(m -> m.score() >= 0.5 && m.score() < CueRule.LEXICAL_SURE).orElse(false),
        "the words alone would bring an unsure card: " + matcher.match(talk, true));
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline(talk, true, null, trend).kind());
    // the call itself: lines of the model's small-talk list that brought a card by words alone
    for (String call : List.of("what's the time difference between us", "is the video freezing for you",
        "how long did it take you to get here")) {
      Cues.Decision d = lexicalOnly.inline(call, true, null, new Cues.Trend());
      d = d.kind() == Cues.Kind.LATER ? lexicalOnly.offLoop(call, null) : d;
      assertEquals(Cues.Kind.NONE, d.kind(), call + " -> " + d);
    }
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline("what is a decorator in python", true, null, trend).kind());
  }

  @Test
  void aProblemStatedBringsACardOnlyWhenOneIsSure() {
    Cues.Trend trend = new Cues.Trend();
    // put to the candidate, and the words name their card: shown as a question would be
    Cues.Decision d = lexicalOnly.inline("the celery queue keeps growing and tasks are not getting processed", true,
        null, trend);
    assertTrue(d.kind() == Cues.Kind.CARD || d.kind() == Cues.Kind.LATER, d.toString());
    // a remark about a problem is never a fallback, and never a follow-up to the card on screen
    Card onScreen = matcher.bank().get("orm-n-plus-one");
    for (String remark : List.of("that's fine there's nothing wrong with that answer",
        "my connection keeps dropping sorry about that", "yes a lot of teams get that wrong in practice")) {
      assertTrue(QuestionDetector.isQuestion(remark) && !QuestionDetector.asks(remark), remark);
      assertTrue(!Fallback.deserves(remark), remark);
      Cues.Decision r = lexicalOnly.inline(remark, true, onScreen, new Cues.Trend());
      assertTrue(r.kind() != Cues.Kind.FOLLOW_UP, remark + " -> " + r);
      if (r.kind() == Cues.Kind.LATER) {
        assertEquals(Cues.Kind.NONE, lexicalOnly.offLoop(remark, onScreen).kind(), remark);
      }
    }
  }

  @Test
  void aTopicNamedAloneBringsASureCardOfANewSubjectOnly() {
    Cues.Trend trend = new Cues.Trend();
    Cues.Decision named = lexicalOnly.inline("okay next the global interpreter lock", true, null, trend);
    assertEquals(Cues.Kind.CARD, named.kind());
    assertEquals("py-gil", named.match().card().id());
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline("database indexing", true, null, trend).kind());
    // the interviewer echoing the card on screen, or on its topic, changes nothing
    Card gil = matcher.bank().get("py-gil");
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("the global interpreter lock", true, gil, trend).kind());
    // remarks are no topics: pronouns, replies, and interim snippets never count
    assertTrue(!QuestionDetector.bareTopic("we use decorators a lot"));
    assertTrue(!QuestionDetector.bareTopic("sorry python decorators"));
    assertTrue(!QuestionDetector.bareTopic("great thanks"));
    // praise or assent answers what was said, unless "next" names what comes
    assertTrue(!QuestionDetector.bareTopic("right, csrf tokens"));
    assertTrue(!QuestionDetector.bareTopic("good, the n plus one problem exactly"));
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("cool, docker compose", true, null, trend).kind());
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline("great, next, database indexing", true, null, trend).kind());
    assertTrue(!QuestionDetector.bareTopic("exactly, optimistic locking"));
    // a listener's reaction, a judgement, a topic heard before, or last words that conclude: remarks
    for (String remark : List.of("mm, optimistic locking", "uh huh, read replicas", "ah, the mutable default argument",
        "hmm, websockets with channels", "kubernetes as well", "okay, soft deletes then", "docker again",
        "the usual timezone mess", "mostly django rest framework these days")) {
      assertTrue(!QuestionDetector.bareTopic(remark), remark);
    }
    for (String topic : List.of("um, python decorators", "next topic, the global interpreter lock",
        "hmm, next, database indexing", "alright, celery retries")) {
      assertTrue(QuestionDetector.bareTopic(topic), topic);
    }
    // a topic named is matched on its own words, without the fillers that lead to it
    assertEquals("the Global Interpreter Lock", QuestionDetector.topicNamed("Next topic, the Global Interpreter Lock"));
    assertEquals("__del__ method issues", QuestionDetector.topicNamed("okay, __del__ method issues"));
    assertEquals("Mixins in Python", QuestionDetector.topicNamed("Mixins in Python"));
    assertEquals("py-gil", lexicalOnly.inline("next topic, the global interpreter lock", true, null, trend)
        .match().card().id());
    // a problem named as a diagnosis of what was said is a remark; stated as a problem, it may be asked about
    assertEquals(0, QuestionDetector.certainty("sounds like a memory leak to me"));
    assertEquals(QuestionDetector.PROBLEM_STATED, QuestionDetector.certainty("the worker has a memory leak somewhere"));
    // typed into the overlay, a topic named alone is asked; anything else is read as typed
    assertEquals("mixins in python?", QuestionDetector.asTyped("mixins in python"));
    assertEquals("what is a decorator", QuestionDetector.asTyped("what is a decorator"));
    assertEquals("mm, optimistic locking", QuestionDetector.asTyped("mm, optimistic locking"));
    // one word typed alone asks for its topic, as a search box would; said alone it names nothing
    assertEquals("generators?", QuestionDetector.asTyped("generators"));
    assertTrue(!QuestionDetector.bareTopic("generators"));
    for (String reply : List.of("okay", "thanks", "yeah", "hmm", "great")) {
      assertEquals(reply, QuestionDetector.asTyped(reply), reply);
    }
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("mixins in python", true, null, trend).kind());
    assertEquals("django-cbv-mixins", lexicalOnly.inline(QuestionDetector.asTyped("mixins in python"), true, null, trend)
        .match().card().id());
    // one word is a topic named only after "next"
    assertTrue(QuestionDetector.bareTopic("next, generators"));
    assertTrue(!QuestionDetector.bareTopic("okay, generators"));
    for (String topic : List.of("solid principles", "exactly once delivery", "inner, left and right joins",
        "right outer joins")) {
      assertTrue(QuestionDetector.bareTopic(topic), topic);
    }
    assertTrue(!QuestionDetector.bareTopic("okay so the thing about python decorators that people always get wrong"));
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("python decorators", false, null, trend).kind());
    // a topic no card is sure of gets nothing: it asked nothing, so no fallback either
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("python decorators for caching", true, null, trend).kind());
  }

  @Test
  void aTopicTheCandidateJustSaidIsARemarkAndOneNamedAfterTheirAnswerIsTheNextSubject() {
    Card threads = matcher.bank().get("py-threading-multiprocessing");
    AnswerWords answer = new AnswerWords();
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline("okay, the gil", true, threads, new Cues.Trend(), answer).kind(),
        "nothing said yet: a sure topic of a new subject");
    answer.said("threads cannot run python bytecode in parallel because of the gil", true);
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("okay, the gil", true, threads, new Cues.Trend(), answer).kind(),
        "the candidate's own word heard back");
    // said in words no card is sure of: nothing without the model, nor with it before any answer
    String next = "alright, the django request lifecycle";
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline(next, true, null, new Cues.Trend(), answer).kind());
    Cues cues = new Cues(matcher, index());
    Card conflict = matcher.bank().get("beh-conflict");
    assertEquals(Cues.Kind.NONE, cues.inline(next, true, conflict, new Cues.Trend(), new AnswerWords()).kind());
    // after an answer on another subject, the model decides it; a new card, never a fallback
    AnswerWords story = new AnswerWords();
    story.said("we sat down, compared the two options with data and picked the simpler one", false); // still speaking
    assertEquals(Cues.Kind.LATER, cues.inline(next, true, conflict, new Cues.Trend(), story).kind());
    Cues.Decision d = cues.offLoop(next, conflict);
    assertEquals(Cues.Kind.CARD, d.kind(), d.toString());
    assertEquals("django-request-lifecycle", d.match().card().id());
    // a topic named that the model is not sure of either gets nothing, not a fallback
    assertTrue(QuestionDetector.bareTopic("okay, quarterly planning meetings"));
    assertEquals(Cues.Kind.NONE, cues.offLoop("okay, quarterly planning meetings", conflict).kind());
    // a long answer keeps only its last terms: the gil said 400 terms ago is forgotten
    StringBuilder longer = new StringBuilder();
    for (int i = 0; i < AnswerWords.MAX_TERMS; i++) {
      longer.append(" word").append(i);
    }
    answer.said(longer.toString(), true);
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline("okay, the gil", true, threads, new Cues.Trend(), answer).kind());
    answer.said("and the gil again", true);
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("okay, the gil", true, threads, new Cues.Trend(), answer).kind());
    // a new answer forgets the last one
    answer.clear();
    assertFalse(answer.any());
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline("okay, the gil", true, threads, new Cues.Trend(), answer).kind());
  }

  @Test
  void theSameCardAskedAgainIsAFollowUpNotANewCue() {
    Card onScreen = matcher.bank().get("py-decorators");
    Cues.Decision d = lexicalOnly.inline("so what exactly is a decorator in python", true, onScreen, new Cues.Trend());
    assertEquals(Cues.Kind.FOLLOW_UP, d.kind());
    assertEquals(FollowUps.Kind.TOPIC, d.followUp().kind());
  }

  @Test
  void interimSnippetsLandEarlyOnlyOnAClearOrSteadyLead() {
    Cues.Trend trend = new Cues.Trend();
    // the first interim words name nothing yet
    assertEquals(Cues.Kind.NONE, lexicalOnly.inline("so can you tell me", false, null, trend).kind());
    Cues.Decision early = lexicalOnly.inline("so can you tell me how you would write a python", false, null, trend);
    Cues.Decision again = early.kind() == Cues.Kind.CARD ? early
        : lexicalOnly.inline("so can you tell me how you would write a python decorator", false, null, trend);
    assertEquals(Cues.Kind.CARD, again.kind());
    assertEquals("py-decorators", again.match().card().id());
    // the card landed early from this question: its final completes it, it does not follow it up
    assertTrue(trend.landedEarly(again.match().card()));
    assertTrue(!trend.landedEarly(matcher.bank().get("py-gil")));
    // a final snippet resets the trend: a fresh question does not inherit the streak
    lexicalOnly.inline("so can you tell me what a python decorator is used for", true, null, trend);
    assertEquals(0, trend.update(null));
    assertTrue(!trend.landedEarly(again.match().card()));
  }

  @Test
  void theCalibratedRuleUsesAgreementScoreAndLead() {
    // both rankings agree on a modest score: the card
    Cues.Decision agreed = CueRule.arbitrate(m("py-gil", 0.42, 0.01), m("py-gil", 0.3, 0.01)).orElseThrow();
    assertEquals("py-gil", agreed.match().card().id());
    assertEquals("semantic", agreed.source(), "decided on the worker, after the embedding");
    // they disagree; the semantic card is high with a small lead, or middling with a wide lead
    assertEquals("semantic", CueRule.arbitrate(m("py-gil", 0.3, 0.1), m("py-decorators", 0.72, 0.07)).orElseThrow().source());
    assertEquals("semantic", CueRule.arbitrate(m("py-gil", 0.3, 0.1), m("py-decorators", 0.5, 0.2)).orElseThrow().source());
    // neither clear: a decent lexical card alone, else nothing (the caller falls back)
    assertEquals("py-gil", CueRule.arbitrate(m("py-gil", 0.62, 0.1), m("py-decorators", 0.5, 0.05)).orElseThrow()
        .match().card().id());
    assertEquals(Optional.empty(), CueRule.arbitrate(m("py-gil", 0.5, 0.1), m("py-decorators", 0.5, 0.05)));
    assertEquals(Optional.empty(), CueRule.arbitrate(null, m("py-decorators", 0.69, 0.05)));
    // with every line raised (a follow-up leaving a fallback), the same cards must clear it by that much
    double raise = CueRule.LEAVE_FALLBACK;
    List<Match> words = List.of(m("py-gil", 0.62, 0.1));
    List<Match> meaning = List.of(m("py-decorators", 0.5, 0.05));
    assertTrue(CueRule.weigh(words, meaning).isPresent());
    assertEquals(Optional.empty(), CueRule.weigh(words, meaning, raise));
    assertTrue(CueRule.weigh(List.of(m("py-gil", 0.62 + raise, 0.1)), meaning, raise).isPresent());
    assertEquals(Optional.empty(),
        CueRule.weigh(List.of(m("py-gil", 0.3, 0.1)), List.of(m("py-decorators", 0.72, 0.07)), raise));
  }

  private static SemanticIndex index;

  private static synchronized SemanticIndex index() {
    if (index == null) {
      index = SemanticIndex.build(matcher);
    }
    return index;
  }

  @Test
  void twoCardsTiedByMeaningAreLeftToWords() {
    // the rule weighs the model's second card when the model's first two tie and the words put the second first
    List<Match> tied = List.of(m("orm-relationships", 0.44, 0.0), m("django-related-name", 0.44, 0.09));
    Match byWords = m("django-related-name", 0.54, 0.09);
    assertEquals("django-related-name", CueRule.byWordsOnATie(tied, byWords).card().id());
    assertEquals("django-related-name", CueRule.arbitrate(byWords, CueRule.byWordsOnATie(tied, byWords))
        .orElseThrow().match().card().id());
    // the words on a third card, no words at all, or a clear lead by meaning: the model's first as before
    assertEquals("orm-relationships", CueRule.byWordsOnATie(tied, m("orm-prefetch-objects", 0.54, 0.09)).card().id());
    assertEquals("orm-relationships", CueRule.byWordsOnATie(tied, null).card().id());
    List<Match> clear = List.of(m("orm-relationships", 0.46, 0.02), m("django-related-name", 0.44, 0.09));
    assertEquals("orm-relationships", CueRule.byWordsOnATie(clear, byWords).card().id());
    assertEquals(Optional.empty(), CueRule.arbitrate(byWords, CueRule.byWordsOnATie(clear, byWords)));
  }

  @Test
  void everyPathWeighsBothRankingsWithTheirTiesSettled() {
    // weigh: the tie by meaning settled by the words, as the final question, its parts, a topic named
    // and the user's own cards all decide
    List<Match> tiedByMeaning = List.of(m("orm-relationships", 0.44, 0.0), m("django-related-name", 0.44, 0.09));
    List<Match> byWords = List.of(m("django-related-name", 0.54, 0.09), m("orm-relationships", 0.45, 0.1));
    assertEquals("django-related-name", CueRule.weigh(byWords, tiedByMeaning).orElseThrow().match().card().id());
    // the tie by words settled by meaning: the runner-up by words is the one the model agrees with
    List<Match> tiedByWords = List.of(m("drf-serializer-context", 0.735, 0.005), m("drf-serializers", 0.73, 0.1));
    List<Match> byMeaning = List.of(m("drf-serializers", 0.5, 0.01), m("drf-serializer-context", 0.49, 0.1));
    assertEquals("drf-serializers", CueRule.weigh(tiedByWords, byMeaning).orElseThrow().match().card().id());
    // no ranking by meaning: nothing to weigh; no words: the model's first alone, under the rule's lines
    assertEquals(Optional.empty(), CueRule.weigh(byWords, List.of()));
    assertEquals(Optional.empty(), CueRule.weigh(List.of(), tiedByMeaning));
    assertEquals("py-gil", CueRule.weigh(List.of(), List.of(m("py-gil", 0.75, 0.1))).orElseThrow().match().card().id());
  }

  @Test
  void twoCardsTiedByWordsAreLeftToMeaning() {
    // the rule weighs the runner-up by words when the two tie and meaning puts the runner-up first
    List<Match> tied = List.of(m("drf-serializer-context", 0.735, 0.005), m("drf-serializers", 0.73, 0.1));
    assertEquals("drf-serializers", CueRule.byMeaningOnATie(tied, m("drf-serializers", 0.9, 0.01)).card().id());
    assertEquals("drf-serializer-context", CueRule.byMeaningOnATie(tied, m("drf-serializer-save", 0.9, 0.01)).card().id());
    List<Match> clear = List.of(m("drf-serializer-context", 0.735, 0.05), m("drf-serializers", 0.685, 0.1));
    assertEquals("drf-serializer-context", CueRule.byMeaningOnATie(clear, m("drf-serializers", 0.9, 0.01)).card().id());
    // live: a question two cards answer equally well by words is not shown inline but decided by meaning
    String q = "what is a context processor in django templates";
    List<Match> byWords = matcher.top(q, 2);
    assertTrue(byWords.get(0).score() >= CueRule.LEXICAL_SURE && byWords.get(0).margin() < CueRule.LEXICAL_TIE,
        "precondition, a tie by words: " + byWords);
    assertEquals(Cues.Kind.CARD, lexicalOnly.inline(q, true, null, new Cues.Trend()).kind(), "without the model: as before");
    Cues cues = new Cues(matcher, index());
    assertEquals(Cues.Kind.LATER, cues.inline(q, true, null, new Cues.Trend()).kind());
    assertEquals("django-context-processors", cues.offLoop(q, null).match().card().id());
  }

  @Test
  void theModelTakesASecondLookAtACardTheWordsWereSureOf() {
    Cues cues = new Cues(matcher, index());
    // the words are sure of the card on making Python code faster; the model is sure the question asks about the GIL
    String q = "why doesn't multithreading make my cpu heavy python code faster";
    Cues.Decision inline = cues.inline(q, true, null, new Cues.Trend());
    assertEquals("py-speed-up", inline.match().card().id(), "precondition: shown inline by words");
    Cues.Decision second = cues.secondLook(q, inline).orElseThrow();
    assertEquals("py-gil", second.match().card().id());
    assertEquals("semantic", second.source());
    assertTrue(second.related().stream().anyMatch(r -> r.card().id().equals("py-speed-up")), "the words' card one click away");
    // the model agrees: no second card
    String agreed = "what is the difference between select related and prefetch related";
    Cues.Decision same = cues.inline(agreed, true, null, new Cues.Trend());
    assertEquals("orm-select-vs-prefetch", same.match().card().id());
    assertEquals(Optional.empty(), cues.secondLook(agreed, same));
    // only a card the words decided inline is looked at again, and never without the model
    assertEquals(Optional.empty(), cues.secondLook(q, Cues.Decision.card(inline.match(), "semantic")));
    assertEquals(Optional.empty(), lexicalOnly.secondLook(q, inline));
    // nor a card whose words lead the runner-up widely
    assertEquals(Optional.empty(), cues.secondLook(q, Cues.Decision.card(m("py-speed-up", 0.8, SecondLook.NARROW_LEAD), "match")));
  }

  @Test
  void aQuestionOfTwoPartsGetsTheCardForOneOfThemRatherThanAFallback() {
    assertEquals(List.of("how do signals work", "why might you avoid them"),
        QuestionDetector.parts("how do signals work and why might you avoid them"));
    assertEquals(List.of("What is a QuerySet?", "When does it run?"), QuestionDetector.parts("What is a QuerySet? When does it run?"));
    assertEquals(List.of(), QuestionDetector.parts("what is the difference between select related and prefetch related"));
    assertEquals(List.of(), QuestionDetector.parts("tell me about a time you and your manager disagreed"));
    // a run-on snippet is split into a bounded number of parts: each one costs an embedding
    String runOn = "what is x? ".repeat(40).trim();
    assertEquals(QuestionDetector.MAX_PARTS, QuestionDetector.parts(runOn).size());
    // the whole question sits between two cards, each part is clear: the first part's card, not a fallback
    String q = "how do you ship a django app to a server and how do you keep its secrets safe";
    SemanticIndex.Ranking whole = index().ranking(q, Fallback.RELATED);
    List<Match> byWords = matcher.top(q, 2);
    assertTrue(!CueRule.sureByWords(byWords.get(0))
        && CueRule.arbitrate(CueRule.byMeaningOnATie(byWords, whole.top().get(0)), whole.top().get(0)).isEmpty(),
        "precondition, the rule is not sure of the whole: " + byWords + " " + whole.top());
    Cues cues = new Cues(matcher, index());
    Cues.Decision d = cues.offLoop(q, null);
    assertEquals(Cues.Kind.CARD, d.kind());
    assertEquals("design-deploy", d.match().card().id());
    // decided again from the rankings remembered at a pause, without a worker: the same card
    assertEquals("design-deploy", cues.decideNow(q, null).orElseThrow().match().card().id());
    // no part brings a card the rule is sure of among the whole's nearest: the question stays a fallback
    assertEquals(Cues.Kind.FALLBACK,
        cues.offLoop("what does the ellipsis object do in python and how would you explain it to a beginner", null).kind());
    // on the event loop, a fallback whose parts were never ranked waits for a worker rather than
    // deciding without them; once they are ranked, it is decided there
    String unsure = "what does the ellipsis object do in python and where have you seen it used";
    index().ranking(unsure, Fallback.RELATED);
    assertTrue(cues.decideNow(unsure, null).isEmpty());
    assertEquals(Cues.Kind.FALLBACK, cues.offLoop(unsure, null).kind());
    assertEquals(Cues.Kind.FALLBACK, cues.decideNow(unsure, null).orElseThrow().kind());
  }

  @Test
  void aPausedInterimQuestionIsEmbeddedAndLandsItsCardBeforeTheFinal() {
    Cues cues = new Cues(matcher, index());
    Cues.Trend trend = new Cues.Trend();
    String q = "how would you keep a slow report from timing out the request";
    // the lexical interim rule does not land it; enough words, not cut mid-phrase: worth an embedding at a pause
    assertEquals(Cues.Kind.SPECULATE, cues.inline(q, false, null, trend).kind());
    Cues.Decision d = cues.speculate(q, null);
    assertEquals(Cues.Kind.CARD, d.kind());
    assertEquals("api-long-running", d.match().card().id());
    assertEquals("semantic", d.source());
    trend.landed(d.match().card());
    assertTrue(trend.landedEarly(d.match().card()));
    // its final completes the question with the same card (the room then sends nothing new)
    Cues.Decision fin = cues.inline(q, true, null, trend);
    fin = fin.kind() == Cues.Kind.LATER ? cues.offLoop(q, null) : fin;
    assertEquals("api-long-running", fin.match().card().id());
    // the card on screen is not landed again
    assertEquals(Cues.Kind.NONE, cues.speculate(q, d.match().card()).kind());
    // cut off mid-phrase, too few words, or no semantic model: no speculation
    assertEquals(Cues.Kind.NONE, cues.inline("so what is the difference between", false, null, new Cues.Trend()).kind());
    assertNotEquals(Cues.Kind.SPECULATE, cues.inline("what is cors", false, null, new Cues.Trend()).kind());
    assertNotEquals(Cues.Kind.SPECULATE, lexicalOnly.inline(q, false, null, new Cues.Trend()).kind());
    assertEquals(Cues.Kind.NONE, lexicalOnly.speculate(q, null).kind());
    // small talk gets nothing, as on the final path
    assertEquals(Cues.Kind.NONE, cues.speculate("how was the traffic on your way in this morning", null).kind());
  }

  @Test
  void aSnippetEndingOnAWordThatLeadsIntoMoreIsUnfinished() {
    assertTrue(EarlyCues.unfinished("what is the difference between"));
    assertTrue(EarlyCues.unfinished("how would you design a"));
    assertTrue(EarlyCues.unfinished("tell me about your"));
    assertTrue(!EarlyCues.unfinished("what does select related do"));
    assertTrue(!EarlyCues.unfinished("how would you test it"));
  }
}

package dev.cuecard.match;

import dev.cuecard.bank.BankLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards matching quality on the labelled sets in src/test/resources/eval (docs/matching.md).
 * The floors are the figures reached when they were written; a change that drops below them
 * is a regression.
 */
class EvalTest {
  static Matcher matcher;
  static SemanticIndex semantic;

  @BeforeAll
  static void build() {
    matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    semantic = SemanticIndex.build(matcher);
  }

  /** Semantic runs take seconds; each set is run once and shared by the tests that read it. */
  private static final java.util.Map<String, Eval.Report> SEMANTIC = new java.util.concurrent.ConcurrentHashMap<>();

  private static Eval.Report semanticRun(String name) throws Exception {
    Eval.Report r = SEMANTIC.get(name);
    if (r == null) {
      r = Eval.run(matcher, semantic, lines(name));
      SEMANTIC.put(name, r);
    }
    return r;
  }

  static List<Eval.Line> lines(String name) throws Exception {
    return Eval.parse(Files.readAllLines(Path.of("src/test/resources/eval", name)));
  }

  /**
   * Floors for one set: top-1 accuracy, the most false cues, and a cue (card or fallback) for at
   * least 99% of the questions the detector caught.
   */
  private static Eval.Report check(Eval.Report r, double accuracy, double falseCues) {
    assertTrue(r.accuracy() >= accuracy, "top-1 " + r.accuracy() + " fell below " + accuracy + "\n" + r.format());
    assertTrue(r.falseCueRate() <= falseCues, "false cues " + r.falseCueRate() + "\n" + r.format());
    assertTrue(r.cueRate() >= 0.99, "cue for a detected question " + r.cueRate() + "\n" + r.format());
    return r;
  }

  private static FollowUpEval.Report followUps(String name) throws Exception {
    return FollowUpEval.run(matcher, semantic,
        FollowUpEval.parse(Files.readAllLines(Path.of("src/test/resources/eval", name))));
  }

  @Test
  void theSetsAreBigEnough() throws Exception {
    List<Eval.Line> dev = lines("dev.jsonl");
    assertTrue(dev.size() >= 500, "dev set has " + dev.size() + " lines");
    assertTrue(dev.stream().filter(l -> !l.positive()).count() >= 100, "dev set has chit-chat and candidate lines");
    assertTrue(lines("test.jsonl").size() >= 100);
    assertTrue(lines("unseen.jsonl").size() >= 150);
    assertTrue(lines("fresh.jsonl").size() >= 250);
    assertTrue(lines("second-a.jsonl").size() >= 200 && lines("second-b.jsonl").size() >= 200);
    assertTrue(lines("set5.jsonl").stream().filter(Eval.Line::positive).count() >= 150);
    assertTrue(lines("set6.jsonl").stream().filter(Eval.Line::positive).count() >= 150);
    assertTrue(lines("set7.jsonl").stream().filter(Eval.Line::positive).count() >= 150);
  }

  /**
   * No card's question or alias, asked as written, brings another card on the default path: a
   * phrasing copied onto a second card, or a new card worded like an old one, takes questions
   * from the card written for them (seven aliases did until the clean-up of 2026-11-30). Three
   * overlaps stay because removing them measurably cost other questions (docs/matching.md,
   * "... phrasings that brought another card").
   */
  @Test
  void noPhrasingBringsAnotherCard() {
    // the celery pair is one question on two cards; which side the tie reports moved with the ninth
    // session's aliases, so both spellings stand for that one overlap
    java.util.Set<String> kept = java.util.Set.of("What are context processors?",
        "What does if __name__ == '__main__' do?", "How do you make celery tasks reliable?",
        "How do you make Celery tasks reliable?");
    List<String> taken = Overlaps.of(matcher, semantic).stream()
        .filter(t -> !kept.contains(t.phrasing())).map(Overlaps.Taken::toString).toList();
    assertEquals(List.of(), taken);
  }

  @Test
  void lexicalOnly() throws Exception {
    check(Eval.run(matcher, lines("dev.jsonl")), 0.92, 0.01);
    check(Eval.run(matcher, lines("test.jsonl")), 0.98, 0.0);
    check(Eval.run(matcher, lines("unseen.jsonl")), 0.95, 0.0);
    check(Eval.run(matcher, lines("fresh.jsonl")), 0.97, 0.0);
  }

  @Test
  void withTheSemanticPath() throws Exception {
    Eval.Report dev = check(semanticRun("dev.jsonl"), 0.95, 0.01);
    assertTrue(dev.precision() >= 0.97, "cards shown that were right " + dev.precision());
    assertTrue(dev.oneClickShare() >= 0.98, "right card shown or one click away " + dev.format());
    check(semanticRun("test.jsonl"), 0.99, 0.01);
    Eval.Report unseen = check(semanticRun("unseen.jsonl"), 0.99, 0.01);
    assertTrue(unseen.precision() >= 0.96, "cards shown that were right " + unseen.precision());
    // since the ninth session's phrasings unseen has no fallback left; any that comes back should list the right card first
    assertTrue(unseen.fallbacks() == 0 || unseen.fallbacksClosestRight() >= 1,
        "fallbacks whose closest related card is right " + unseen.format());
    check(semanticRun("fresh.jsonl"), 0.98, 0.01);
  }

  /**
   * Set 4: half A was read for failure classes (detector and aliases, so its floor is a tuned
   * figure); half B is held out from the bank and the rule, its floor only the figure it reached
   * (95.9% since the ninth session's phrasings for every card, written without reading it); its
   * undetected questions shaped the detector's questions put after their setting (sixth session),
   * so for the detector it is a tuned figure too (docs/matching.md,
   * "Set 4", "Questions put after their setting").
   */
  @Test
  void set4() throws Exception {
    check(semanticRun("second-a.jsonl"), 0.97, 0.01);
    // a wrong card's alternatives and a fallback's related cards put the right one a click away
    floors("second-b.jsonl", 0.95, 0.98, 0.98);
  }

  /** The default path's floors on a set: top-1, the share of shown cards that were right, and right or one click away. */
  private static void floors(String set, double top1, double precision, double oneClick) throws Exception {
    Eval.Report r = check(semanticRun(set), top1, 0.01);
    assertTrue(r.precision() >= precision, set + ": cards shown that were right " + r.precision());
    assertTrue(r.oneClickShare() >= oneClick, set + ": right card shown or one click away " + r.format());
  }

  /**
   * Set 5: questions for cards drawn at random, written after everything else and held out for one
   * session; its five undetected questions shaped the detector's yes-or-no and closing rules in
   * the seventh, so its floor is now a tuned figure (docs/matching.md, "Set 5", "Set 6").
   */
  @Test
  void set5() throws Exception {
    floors("set5.jsonl", 0.96, 0.96, 0.98);
  }

  /**
   * Set 6 was held out in the seventh session and its misses read in the eighth, so its floor is now
   * a tuned figure (docs/matching.md, "Set 7, and what set 6's misses showed").
   */
  @Test
  void set6() throws Exception {
    floors("set6.jsonl", 0.98, 0.98, 0.98);
  }

  /**
   * Set 7: questions for another random draw of cards, written and committed before the eighth
   * session changed anything, run only to report and never read; its floor is the figure it reached
   * after the ninth session's two new phrasings for every card, written without reading it (92.0% on
   * its first run). Other people's lists did not move with them (docs/matching.md, "Two new phrasings
   * for every card"), so this is the author's wording held out, not a stranger's. 98.7% since the
   * eleventh session's second look by the model at cards the words were sure of ("A second look").
   */
  @Test
  void set7() throws Exception {
    floors("set7.jsonl", 0.98, 0.98, 0.99);
  }

  /**
   * Held-out set 3 with every alias worded nearly like one of its lines left out ({@link Blind}):
   * the matcher on wording it was not given, though the aliases and the set share their authors.
   */
  @Test
  void blindOnHeldOutSet3() throws Exception {
    List<Eval.Line> fresh = lines("fresh.jsonl");
    Blind.Result blind = Blind.of(matcher.bank(), fresh.stream().map(Eval.Line::text).toList());
    assertTrue(blind.aliasesLeftOut() > 100, "left out " + blind.aliasesLeftOut());
    Matcher without = new Matcher(blind.bank(), 0.5);
    assertTrue(without.bank().cards().stream().mapToInt(c -> c.aliases().size()).sum()
        == matcher.bank().cards().stream().mapToInt(c -> c.aliases().size()).sum() - blind.aliasesLeftOut());
    check(Eval.run(without, SemanticIndex.build(without), fresh), 0.90, 0.01);
  }

  /**
   * Short interviewer remarks with no question in them, 80 of them (docs/matching-history.md, "A
   * fifteenth list, and remarks that name a topic"): praise for an answer ("right, csrf tokens"),
   * the interview's course, the team's stack. A remark that names a topic its words are sure of is
   * the one kind of false cue left; the ceiling is what this build reaches (5 with no card on
   * screen, 12 before praise and assent ended a topic named).
   */
  @Test
  void remarksThatNameATopicRarelyBringACard() throws Exception {
    Eval.Report r = semanticRun("remarks.jsonl");
    assertEquals(80, r.negatives());
    assertTrue(r.falseCues() <= 5, "false cues on remarks " + r.falseCues() + "\n" + r.format());
  }

  /**
   * More remarks heard as at an interview's start, no card up and nothing said. The second set (50,
   * most naming a topic: "mm, select for update", "okay, pytest with fixtures") brought 13 cards on
   * its one run before it was read to write the rule for a listener's reactions and judgements; 5
   * are left, remarks that words cannot tell from the next topic named. The third set (held out: 30
   * remarks, 20 topics named as an interviewer moves on) checks both sides of that line
   * (docs/matching.md, "False cues with nothing said yet").
   */
  @Test
  void remarksWithNothingSaidYet() throws Exception {
    Eval.Report second = semanticRun("remarks-2.jsonl");
    assertEquals(50, second.negatives());
    assertTrue(second.falseCues() <= 5, "false cues on remarks " + second.falseCues() + "\n" + second.format());
    Eval.Report third = semanticRun("remarks-3-held-out.jsonl");
    assertEquals(30, third.negatives());
    assertEquals(0, third.falseCues(), third.format());
    assertTrue(third.top1() >= 19, "topics named " + third.top1() + " of " + third.positives() + "\n" + third.format());
  }

  /**
   * Remarks and topics named alone heard during an answer, with the candidate's words since the card
   * came up: no remark replaces the card being answered (the candidate's own words heard back, or on
   * the card's topic), and a topic named after the answer brings its card (docs/matching.md, "A topic
   * named during an answer"). The first set was read to shape the rule; the second is held out.
   */
  @Test
  void aTopicNamedDuringAnAnswerIsARemarkUnlessItIsANewSubject() throws Exception {
    FollowUpEval.Report read = followUps("remarks-in-an-answer.jsonl");
    assertEquals(52, read.others());
    assertEquals(0, read.cardsOnRemarks(), read.format() + read.misses());
    assertTrue(read.othersAccuracy() >= 0.9, read.format() + read.misses());
    FollowUpEval.Report held = followUps("remarks-in-an-answer-held-out.jsonl");
    assertEquals(40, held.others());
    assertEquals(0, held.cardsOnRemarks(), held.format() + held.misses());
    assertTrue(held.othersAccuracy() >= 0.95, held.format() + held.misses());
  }

  @Test
  void smallTalkIsNearerItsOwnPhrasingsThanAnyCard() {
    // the last two: the interviewer checking the talk itself, which once brought design-microservices
    // and cs-dry-kiss-yagni by their words (docs/matching.md, forty-seventh session)
    for (String talk : List.of("how was the traffic getting here", "are you working from home today",
        "would you like a short break before the technical part", "does that make sense", "should i repeat that")) {
      assertTrue(semantic.ranking(talk, 3).smallTalk(), talk);
    }
    for (String question : List.of("how do you make a python function remember results it already computed",
        "how would you handle ten times more traffic next month", "tell me about a time you organised a team offsite",
        "when does it make sense to denormalise a table", "how do you avoid repeating yourself in django templates")) {
      assertTrue(!semantic.ranking(question, 3).smallTalk(), question);
    }
  }

  @Test
  void cardsLandBeforeTheQuestionEnds() throws Exception {
    // the recogniser's end-of-speech wait is the pause in which the room embeds the whole question
    EarlyEval.Early dev = semanticRun("dev.jsonl").early();
    assertTrue(dev.share() >= 0.97, dev.format());
    // 176 before the ninth session's alias sweep: more phrasings on every card leave a half-heard
    // question's runner-up nearer, so fewer cards clear the interim margin (docs/matching.md, "Two
    // new phrasings for every card"); the share before the final snippet, the issue's measure, held;
    // 166 before the seventeenth session's cards (a schema card, FastAPI, cloud, del, IN/EXISTS), 164 after,
    // 163 after the twenty-first session's six gap cards (docs/matching-history.md, "Two more lists, and six cards");
    // 162 since the fortieth session's twelve cards: "when would you use raw sql instead of the orm" led its runner-up
    // by 0.201 nine words in and now by 0.199, under the interim margin, so it lands with its last word
    // (docs/matching.md, "What was tuned", fortieth session)
    assertTrue(dev.beforeLastWord() >= 162, dev.format());
    // 12 before the fundamentals cards, whose phrasings took one away (docs/matching.md, "Other people's questions");
    // 12 again with the card for FastAPI's BackgroundTasks, which shows design-celery six words into "how do you
    // make celery tasks idempotent" and was kept because set 2 A lost one in the same change (docs/matching.md);
    // 11 since the thirty-ninth session's cards, with which that line no longer shows it; 10 since the forty-first
    // session's cards and pinned word weights (match.Idf), with which "how do you scope a view set to the logged in
    // user" no longer shows drf-viewsets-routers nine words in (docs/matching.md, "Weights that hold as the bank grows")
    assertTrue(dev.wrongEarly() <= 10, dev.format());
    EarlyEval.Early unseen = semanticRun("unseen.jsonl").early();
    assertTrue(unseen.share() >= 0.98, unseen.format());
    assertTrue(unseen.wrongEarly() <= 5, unseen.format());
    // a speaker pausing after every 3 words is the worst case for cards from half-heard questions
    EarlyEval.Early everyStep = semanticRun("dev.jsonl").earlyPausingEveryStep();
    // 23 before the eleventh session's three gap cards: "what do create and update do", six words in, now
    // lands the generic edit views' card (docs/matching.md, "Three more lists by other people"); 24 before the
    // twelfth session's two cards and phrasings for list N (docs/matching.md, "A fourteenth list"); 25 before the
    // seventeenth session's IN-versus-EXISTS card, which "when should you use exists instead" lands six words in;
    // 27 after the thirty-eighth session's cards for list BN, with which "how do you test code that" showed
    // test-async-code, a card the words tie with two others, before "calls a payment provider" brought
    // test-external-apis; 26 since the lexical card alone needs a lead of CueRule.LEXICAL_TIE (docs/matching.md);
    // 27 again since the fortieth session's twelve cards, with which that lead grew from 0.009 to 0.010, the tie's
    // line: every card added moved the words' weights, and this prefix sits on the line; 26 since the forty-first
    // session's cards and pinned weights (match.Idf): cards that do not use a word no longer move its weight, and
    // "how do you decide which database indexes to add", which the session's cards alone tipped to show
    // design-sql-vs-nosql six words in, stays as it was; 25 on the forty-third session's last build, 26 again with the
    // forty-fourth session's four Python cards, with which "how do you test code that" leads by 0.011 (docs/matching.md)
    assertTrue(everyStep.wrongEarly() <= 26, everyStep.format());
  }

  @Test
  void followUpsResolveAgainstTheCardOnScreen() throws Exception {
    check(followUps("followups.jsonl"), 0.97);
    check(followUps("followups-unseen.jsonl"), 0.94);
  }

  /**
   * Follow-ups heard with a fallback on screen: sets A, B and C were read and shaped the rules (A in
   * the seventh session, B and C in the eighth); D and E chose the short-question rule's length, their
   * lines that the ninth session's new phrasings took were read to reword those, and all their misses
   * were read in the tenth session, which shaped its rule for short questions that only the model
   * gives a card; F, G, H and I were held out until the thirteenth session read their misses for its
   * rules (what you would do there, a phrase carrying the question on); sets J and K are held out,
   * J written before those rules and run once after them, K written after them (docs/matching.md, "Follow-ups to a fallback", "...
   * held out again", "Follow-ups to a fallback that the model gave a card", "What you would do there").
   */
  @Test
  void followUpsResolveAgainstAFallbackOnScreen() throws Exception {
    fallbackFloors("followups-fallback.jsonl", 0, 1.0, 0.95); // set A never had a floor on its size
    fallbackFloors("followups-fallback-b.jsonl", 20, 1.0, 0.95);
    fallbackFloors("followups-fallback-c.jsonl", 25, 1.0, 0.95);
    fallbackFloors("followups-fallback-d.jsonl", 25, 0.96, 0.95);
    fallbackFloors("followups-fallback-e.jsonl", 25, 0.88, 0.95);
    // read in the thirteenth session: before its rules F 95.0, G 71.4, H 80.0, I 65.0%
    fallbackFloors("followups-fallback-f.jsonl", 20, 1.0, 0.8);
    // G's "how does that affect storage" and H's "what type would you store the amounts in" sat within a
    // hundredth of a line (0.500 and 0.701-0.703) and crossed it as cards were added (the bank's size moves
    // every word's weight); since the thirty-fifth session a follow-up to a fallback needs to clear its line
    // by CueRule.LEAVE_FALLBACK to take a card (docs/matching.md, "Leaving a fallback")
    fallbackFloors("followups-fallback-g.jsonl", 20, 0.90, 0.8);
    fallbackFloors("followups-fallback-h.jsonl", 20, 1.0, 0.95);
    fallbackFloors("followups-fallback-i.jsonl", 20, 1.0, 0.95);
    // held out: set J, 79.2% before the thirteenth session's rules, 87.5% after (its one run with them)
    fallbackFloors("followups-fallback-j.jsonl", 24, 0.87, 0.95);
    // held out: set K, written after those rules, 92.6% on its first run; 96.3% with LEAVE_FALLBACK, written
    // on G and H without reading K
    fallbackFloors("followups-fallback-k.jsonl", 27, 0.96, 0.95);
  }

  /**
   * A follow-up set's floors with a fallback on screen: at least so many follow-ups in it, the share
   * resolved, and the share of new questions and remarks handled right.
   */
  private static void fallbackFloors(String set, int followUps, double resolution, double others) throws Exception {
    FollowUpEval.Report r = followUps(set);
    assertTrue(r.followUps() >= followUps && r.resolution() >= resolution && r.othersAccuracy() >= others,
        set + ": " + r.format() + r.misses());
  }

  /**
   * The other side of follow-ups: a new question heard while a fallback is up must still get its
   * own card, not be taken for a follow-up of a question no card answered. Every labelled question
   * of dev and set 2 with a fallback on screen: at most 4% are taken for follow-ups (over the tuned
   * sets 2.6% before the seventh session's follow-up rules, 2.9% after; here 12 of 588 before the
   * tenth session's rule for short questions that only the model gives a card, 20 after), and those
   * that the rule takes keep their card one click away, linked in the follow-up: the nine taken
   * without it are the older rules' (docs/matching.md, "Follow-ups to a fallback", "Follow-ups to
   * a fallback that the model gave a card").
   */
  @Test
  void newQuestionsHeardWithAFallbackOnScreenKeepTheirCards() throws Exception {
    Cues cues = new Cues(matcher, semantic);
    dev.cuecard.bank.Card fallback = Fallback.card("what does the ellipsis object do in python");
    int questions = 0;
    int taken = 0;
    int cardsLost = 0;
    List<String> remarksTaken = new java.util.ArrayList<>();
    for (String set : List.of("dev.jsonl", "unseen.jsonl")) {
      for (Eval.Line l : lines(set)) {
        if (l.positive() && l.speaker().equals("interviewer")) {
          questions++;
          Cues.Decision d = Eval.decide(cues, l.text(), fallback);
          if (d.kind() == Cues.Kind.FOLLOW_UP) {
            taken++;
            Cues.Decision alone = Eval.decide(cues, l.text());
            boolean linked = d.followUp().linked() != null && alone.kind() == Cues.Kind.CARD
                && d.followUp().linked().id().equals(alone.match().card().id());
            cardsLost += alone.kind() == Cues.Kind.CARD && !linked ? 1 : 0;
          }
        } else if (l.speaker().equals("interviewer") && Eval.decide(cues, l.text(), fallback).kind() != Cues.Kind.NONE) {
          remarksTaken.add(l.text()); // small talk and remarks heard with a fallback up change nothing
        }
      }
    }
    assertTrue(taken <= 0.04 * questions, taken + " of " + questions + " new questions taken for follow-ups");
    assertTrue(cardsLost <= 9, cardsLost + " new questions lost the card they get alone, not even linked");
    assertEquals(List.of(), remarksTaken);
  }

  private static void check(FollowUpEval.Report r, double resolution) {
    assertTrue(r.followUps() >= 30 && r.others() >= 10, "the set is too small");
    assertTrue(r.resolution() >= resolution, r.format() + r.misses());
    assertTrue(r.othersAccuracy() >= 0.95, r.format() + r.misses());
  }

  @Test
  void theLoadGeneratorsRewordedQuestionsNeedTheFallback() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/main/resources/loadgen/reworded.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertTrue(lines.size() >= 10);
    for (String l : lines) {
      assertTrue(matcher.match(l, true).isEmpty(), "the lexical path places '" + l + "'");
      assertTrue(QuestionDetector.isQuestion(l) && semantic.match(l).isPresent(), "no semantic cue for '" + l + "'");
    }
  }

  @Test
  void hitsAndParsing() {
    List<Eval.Line> l = Eval.parse(List.of("# comment", "", "{\"text\": \"what is a decorator\", \"expect\": [\"Decorator\"]}",
        "{\"text\": \"hi\", \"speaker\": \"candidate\", \"expect\": null}"));
    assertEquals(2, l.size());
    assertEquals(List.of("decorator"), l.get(0).expect());
    assertTrue(l.get(0).positive());
    assertTrue(!l.get(1).positive());
    Eval.Report r = Eval.run(matcher, l);
    assertEquals(1, r.top1());
    assertEquals(0, r.falseCues());
    assertEquals(1.0, r.mrr5());
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("{\"text\": 5}")));
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("{\"text\": \"x\", \"speaker\": \"bot\"}")));
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("{\"text\": \"x\", \"expect\": []}")));
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("not json")));

    List<FollowUpEval.Line> f = FollowUpEval.parse(List.of("# a follow-up set",
        "{\"on\": \"django-signals\", \"text\": \"why\", \"followup\": true, \"kind\": \"why\"}"));
    assertEquals(1, FollowUpEval.run(matcher, semantic, f).resolved());
    assertThrows(IllegalArgumentException.class, () -> FollowUpEval.parse(List.of("{\"on\": \"x\", \"text\": \"why\"}")));
    assertThrows(IllegalArgumentException.class, () -> FollowUpEval.parse(List.of(
        "{\"on\": \"x\", \"text\": \"why\", \"followup\": true, \"candidate\": 3}")));
    // what the candidate said is the context: their own word heard back is a remark
    List<FollowUpEval.Line> echo = FollowUpEval.parse(List.of("{\"on\": \"py-threading-multiprocessing\","
        + " \"candidate\": \"threads take turns because of the gil\", \"text\": \"okay, the gil\", \"followup\": false}"));
    assertEquals("threads take turns because of the gil", echo.get(0).candidate());
    assertEquals(1, FollowUpEval.run(matcher, semantic, echo).othersRight());
    assertThrows(IllegalArgumentException.class, () -> FollowUpEval.run(matcher, semantic,
        FollowUpEval.parse(List.of("{\"on\": \"no-such-card\", \"text\": \"why\", \"followup\": true}"))));
  }
}

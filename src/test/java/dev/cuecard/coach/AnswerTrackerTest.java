package dev.cuecard.coach;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replays realistic answers through the tracker and checks coverage, stage, nudges and figures. */
class AnswerTrackerTest {
  static Bank bank;
  static final long T0 = 1_000_000L;

  @BeforeAll
  static void load() {
    bank = BankLoader.load(true, List.of());
  }

  static AnswerTracker tracker(String cardId) {
    return new AnswerTracker(bank.get(cardId), T0, 120_000, EnumSet.allOf(NudgeKind.class));
  }

  static List<Nudge> say(AnswerTracker t, long atSeconds, String text) {
    return t.onCandidate(text, true, T0 + atSeconds * 1000).nudges();
  }

  @Test
  void aGoodTechnicalAnswerCoversThePointsInOrder() {
    AnswerTracker t = tracker("orm-select-vs-prefetch");
    assertTrue(t.onCandidate("so select related is a way to", false, T0 + 2000).stageChanged());
    assertEquals("Definition", t.stage().getString("stage"));
    say(t, 5, "so select related is a way to follow foreign keys with a sql join in a single query");
    say(t, 15, "prefetch related works by running a second query and joining in python, so it handles many to many"
        + " and reverse relations");
    say(t, 30, "for example on a list of posts with authors and tags you'd use both, and both avoid the n plus one"
        + " problem");
    say(t, 45, "the trade off is that a big join can get slower, and a prefetch object lets you filter with to_attr");
    JsonObject cov = t.coverage();
    assertEquals(6, cov.getInteger("total"));
    assertEquals(6, cov.getInteger("covered"), cov.encodePrettily());
    JsonObject stage = t.stage();
    assertEquals("Trade-off", stage.getString("stage"));
    assertTrue(stage.getJsonArray("missing").isEmpty(), stage.encode());
    AnswerRecord a = t.finish(T0 + 50_000);
    assertEquals(1.0, a.coverage());
    assertEquals(List.of("Definition", "How it works", "Example", "Trade-off"), a.structure());
    assertTrue(a.wordsPerMinute() > 60 && a.wordsPerMinute() < 200, "wpm " + a.wordsPerMinute());
    assertTrue(a.nudges().isEmpty(), "a good answer needs no nudges: " + a.nudges());
  }

  @Test
  void aStarAnswerWithoutANumberIsNudgedForAMetric() {
    AnswerTracker t = tracker("beh-conflict");
    assertTrue(say(t, 3, "at my last job there was a disagreement with a teammate about our api design").isEmpty());
    say(t, 20, "my task was to get us to a decision before the release");
    say(t, 35, "so i listened to understand his perspective and we agreed to compare both with data");
    List<Nudge> n = say(t, 60, "in the end we shipped it and the relationship was better");
    assertEquals(1, n.size(), n.toString());
    assertEquals(NudgeKind.NO_METRIC, n.get(0).kind());
    assertEquals(List.of("Situation", "Task", "Action", "Result"), t.finish(T0 + 70_000).structure());
  }

  @Test
  void aResultWithANumberNeedsNoMetricNudge() {
    AnswerTracker t = tracker("beh-conflict");
    say(t, 3, "at my last job i disagreed with a teammate about caching");
    say(t, 20, "so i listened to his perspective and we agreed to measure both");
    assertTrue(say(t, 40, "as a result we cut page load time by 40 percent").isEmpty());
    assertTrue(t.finish(T0 + 45_000).metricStated());
  }

  @Test
  void aRamblingAnswerGetsFillerAndOvertimeNudgesButNeverTwoAtOnce() {
    AnswerTracker t = tracker("design-scale-django");
    assertTrue(say(t, 2, "um we would add more servers").isEmpty(), "one filler is fine");
    List<Nudge> fillers = say(t, 10, "and uh like basically um cache things i mean like redis");
    assertEquals(NudgeKind.FILLERS, fillers.get(0).kind());
    assertTrue(fillers.get(0).reason().contains("filler"), fillers.get(0).reason());
    assertTrue(say(t, 20, "um like uh basically um you know").isEmpty(), "each kind once, and not within 15 s");
    assertTrue(t.tick(T0 + 60_000).isEmpty(), "nothing else is due yet");
    List<Nudge> late = t.tick(T0 + 95_000);
    assertEquals(1, late.size(), "at most one nudge per tick window: " + late);
    assertEquals(NudgeKind.MISSING_POINT, late.get(0).kind());
    assertTrue(late.get(0).text().startsWith("Still to cover: "));
    List<Nudge> overtime = t.tick(T0 + 125_000);
    assertEquals(NudgeKind.OVERTIME, overtime.get(0).kind());
    List<Nudge> tradeoff = t.tick(T0 + 141_000);
    assertEquals(NudgeKind.NO_TRADEOFF, tradeoff.get(0).kind());
    AnswerRecord a = t.finish(T0 + 150_000);
    assertEquals(13, a.fillers(), "1 + 6 + 6 fillers said");
    assertEquals(4, a.nudges().size());
    assertTrue(a.coverage() < 0.5, "coverage " + a.coverage());
  }

  @Test
  void aWrongTopicAnswerCoversNothing() {
    AnswerTracker t = tracker("orm-transactions");
    say(t, 5, "well i really enjoy writing react components and styling them with css grid");
    assertFalse(t.onCandidate("and hooks are nice", true, T0 + 9000).coverageChanged());
    AnswerRecord a = t.finish(T0 + 10_000);
    assertEquals(0.0, a.coverage());
    assertEquals(5, a.missed().size());
  }

  @Test
  void designQuestionsSuggestAClarifyingQuestionAndSwitchedOffKindsStaySilent() {
    Card card = bank.get("design-url-shortener");
    List<Nudge> onShow = new AnswerTracker(card, T0, 120_000, EnumSet.allOf(NudgeKind.class)).onShown();
    assertEquals(NudgeKind.CLARIFY, onShow.get(0).kind());
    assertTrue(onShow.get(0).text().contains(card.clarify()));

    AnswerTracker quiet = new AnswerTracker(card, T0, 120_000,
        EnumSet.complementOf(EnumSet.of(NudgeKind.CLARIFY, NudgeKind.OVERTIME)));
    assertTrue(quiet.onShown().isEmpty());
    quiet.onCandidate("so i'd hash the url", true, T0 + 1000);
    assertTrue(quiet.tick(T0 + 200_000).stream().noneMatch(n -> n.kind() == NudgeKind.OVERTIME));
  }

  @Test
  void coverageUsesStemsAndSpokenForms() {
    AnswerTracker t = tracker("orm-n-plus-one");
    assertTrue(t.onCandidate("you get n plus one queries, one query per row", true, T0 + 1000).coverageChanged());
    assertTrue(t.onCandidate("i'd catch it with assert num queries in a test", true, T0 + 5000).coverageChanged());
    JsonObject c = t.coverage();
    assertEquals(true, c.getJsonArray("points").getJsonObject(0).getBoolean("covered"));
    assertEquals(T0 + 1000, c.getJsonArray("points").getJsonObject(0).getLong("at"));
  }
}

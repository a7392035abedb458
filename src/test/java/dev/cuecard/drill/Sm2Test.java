package dev.cuecard.drill;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.store.DrillHistory.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SM-2 schedule, the quality of an answer, and the order drills come in. */
class Sm2Test {
  private static final long DAY = Sm2.DAY_MS;

  @Test
  void intervalsGrowByTheEaseAndAFailedAnswerStartsOver() {
    Sm2 s = Sm2.fresh().answered(5, 0);
    assertEquals(1, s.intervalDays());
    assertEquals(2.6, s.ease(), 1e-9);
    s = s.answered(5, DAY);
    assertEquals(6, s.intervalDays());
    assertEquals(DAY + 6 * DAY, s.dueAt());
    s = s.answered(4, 7 * DAY); // ease stays 2.7 after a 4
    assertEquals(2.7, s.ease(), 1e-9);
    assertEquals(Math.round(6 * 2.7), s.intervalDays());
    Sm2 failed = s.answered(1, 30 * DAY);
    assertEquals(0, failed.repetitions());
    assertEquals(1, failed.intervalDays());
    assertEquals(2.7 - 0.54, failed.ease(), 1e-9);
    Sm2 floor = Sm2.fresh();
    for (int i = 0; i < 10; i++) {
      floor = floor.answered(0, i * DAY);
    }
    assertEquals(Sm2.MIN_EASE, floor.ease(), 1e-9);
  }

  @Test
  void qualityWeighsCoverageAndThePartnersRating() {
    assertEquals(5, Sm2.quality(1.0, null));
    assertEquals(2, Sm2.quality(0.4, null));
    assertEquals(4, Sm2.quality(0.4, 5.0)); // coverage says 2, a 5/5 rating says 5: 3.5 rounds up
    assertEquals(0, Sm2.quality(0, 1.0));
  }

  @Test
  void dueCardsComeFirstWorstFirst() {
    var cards = BankLoader.load(true, List.of());
    List<Answer> history = List.of(
        new Answer("py-gil", "q", 0, 0.2, List.of("the GIL"), null),
        new Answer("orm-n-plus-one", "q", DAY, 1.0, List.of(), null),
        new Answer("py-decorators", "q", 2 * DAY, 0.6, List.of(), null));
    List<Drills.Item> items = Drills.schedule(history, cards::get);
    // on day 2.5 the first two are due (1-day intervals), the decorator answered at day 2 is not
    List<Drills.Item> next = Drills.next(items, (long) (2.5 * DAY), 3);
    assertEquals(List.of("py-gil", "orm-n-plus-one", "py-decorators"),
        next.stream().map(i -> i.card().id()).toList());
    assertEquals(1, Drills.next(items, (long) (2.5 * DAY), 1).size());
  }
}

package dev.cuecard.drill;

import dev.cuecard.bank.Card;
import dev.cuecard.store.DrillHistory.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Drills from a user's answers: each card they answered gets an SM-2 schedule replayed from its
 * answers in order ({@link Sm2}), and the cards to drill now are the due ones, worst first (lowest
 * last quality, then longest since asked), then the others, worst first. Progress per topic is the
 * average coverage of each week's answers per category. Pure: the store and the bank come in.
 */
public final class Drills {
  /** One card's drill state. */
  public record Item(Card card, Sm2 schedule, double lastCoverage, Double lastRating, List<String> missed,
                     int answers) {
    public boolean due(long now) {
      return schedule.dueAt() <= now;
    }

    public JsonObject toJson(long now) {
      return new JsonObject().put("cardId", card.id()).put("question", card.question())
          .put("category", card.category()).put("due", due(now)).put("dueAt", schedule.dueAt())
          .put("lastAt", schedule.lastAt()).put("lastQuality", schedule.lastQuality())
          .put("lastCoverage", lastCoverage).put("lastRating", lastRating).put("missed", new JsonArray(missed))
          .put("answers", answers).put("repetitions", schedule.repetitions())
          .put("ease", Math.round(schedule.ease() * 100) / 100.0).put("intervalDays", schedule.intervalDays());
    }
  }

  private Drills() {
  }

  /** Every answered card that is still in the bank ({@code cards} returns null for one that is not). */
  public static List<Item> schedule(List<Answer> history, Function<String, Card> cards) {
    Map<String, Item> byCard = new LinkedHashMap<>();
    for (Answer a : history) {
      Card card = cards.apply(a.cardId());
      if (card == null) {
        continue;
      }
      Item before = byCard.get(a.cardId());
      Sm2 s = (before == null ? Sm2.fresh() : before.schedule()).answered(Sm2.quality(a.coverage(), a.rating()),
          a.shownAt());
      byCard.put(a.cardId(), new Item(card, s, a.coverage(), a.rating(), a.missed(),
          before == null ? 1 : before.answers() + 1));
    }
    return new ArrayList<>(byCard.values());
  }

  /**
   * Up to {@code limit} cards to drill: the due ones first, then (practising ahead) the others;
   * within each, the worst last answer first, then the due ones asked longest ago and the others
   * due soonest.
   */
  public static List<Item> next(List<Item> items, long now, int limit) {
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing((Item i) -> !i.due(now))
        .thenComparing(i -> i.schedule().lastQuality())
        .thenComparing(i -> i.due(now) ? i.schedule().lastAt() : i.schedule().dueAt()));
    return sorted.size() > limit ? sorted.subList(0, limit) : sorted;
  }

  /** Per category, per week (its Monday, UTC, as epoch ms): answers and their average coverage. */
  public static JsonArray progress(List<Answer> history, Function<String, Card> cards) {
    Map<String, TreeMap<Long, double[]>> byTopic = new TreeMap<>();
    for (Answer a : history) {
      Card card = cards.apply(a.cardId());
      String topic = card == null ? "Other" : card.category();
      long day = Math.floorDiv(a.shownAt(), Sm2.DAY_MS);
      long monday = (day - Math.floorMod(day + 3, 7)) * Sm2.DAY_MS; // 1970-01-01 was a Thursday
      double[] sum = byTopic.computeIfAbsent(topic, k -> new TreeMap<>()).computeIfAbsent(monday, k -> new double[2]);
      sum[0]++;
      sum[1] += a.coverage();
    }
    JsonArray out = new JsonArray();
    byTopic.forEach((topic, weeks) -> {
      JsonArray w = new JsonArray();
      weeks.forEach((monday, sum) -> w.add(new JsonObject().put("week", monday).put("answers", (int) sum[0])
          .put("averageCoverage", Math.round(sum[1] / sum[0] * 1000) / 1000.0)));
      out.add(new JsonObject().put("category", topic).put("weeks", w));
    });
    return out;
  }
}

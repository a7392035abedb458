package dev.cuecard.drill;

/**
 * The SM-2 spaced-repetition schedule (Wozniak, 1987) for one card: each answer gets a quality
 * from 0 to 5; below 3 the card starts over (due again tomorrow), otherwise its interval grows
 * from 1 day to 6 days and then by its ease factor, which each answer nudges up or down (never
 * below 1.3). Why SM-2 rather than FSRS: docs/drills.md. Immutable.
 */
public record Sm2(int repetitions, double ease, double intervalDays, long lastAt, long dueAt, int lastQuality) {
  public static final double START_EASE = 2.5;
  public static final double MIN_EASE = 1.3;
  static final long DAY_MS = 86_400_000L;

  /** A card never answered. */
  public static Sm2 fresh() {
    return new Sm2(0, START_EASE, 0, 0, 0, -1);
  }

  /** The schedule after an answer of {@code quality} (0-5) given at {@code at}. */
  public Sm2 answered(int quality, long at) {
    int q = Math.max(0, Math.min(5, quality));
    double e = Math.max(MIN_EASE, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    int reps;
    double interval;
    if (q < 3) {
      reps = 0;
      interval = 1;
    } else {
      reps = repetitions + 1;
      interval = reps == 1 ? 1 : reps == 2 ? 6 : Math.round(intervalDays * e);
    }
    return new Sm2(reps, e, interval, at, at + (long) (interval * DAY_MS), q);
  }

  /**
   * An answer's quality from what Cuecard saw: the share of the card's key points covered, and
   * the partner's rating (1-5) when there is one, weighted equally with the coverage.
   */
  public static int quality(double coverage, Double partnerRating) {
    double byCoverage = 5 * Math.max(0, Math.min(1, coverage));
    if (partnerRating == null) {
      return (int) Math.round(byCoverage);
    }
    double byRating = (partnerRating - 1) * 5 / 4;
    return (int) Math.round((byCoverage + byRating) / 2);
  }
}

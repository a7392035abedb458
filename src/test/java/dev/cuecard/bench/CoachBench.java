package dev.cuecard.bench;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.BankLoader;
import dev.cuecard.coach.AnswerTracker;
import dev.cuecard.coach.NudgeKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Cost of following one candidate answer: a fresh tracker fed a realistic eight-snippet answer. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoachBench {
  static final String[] ANSWER = {
      "so select related is", "so select related is a way to follow a foreign key",
      "so select related is a way to follow a foreign key with a sql join in a single query",
      "prefetch related works by running a second query and joining in python",
      "so it handles many to many and reverse relations um you know",
      "for example on a list of posts with their authors and tags",
      "both of them avoid the n plus one problem which we measured at like 40 percent faster",
      "the trade off is that a big join can get slower on large tables"};

  Bank bank;

  @Setup
  public void setUp() {
    bank = BankLoader.load(true, List.of());
  }

  /** Per answer: divide by 8 for the cost of one candidate snippet. */
  @Benchmark
  public Object answer() {
    AnswerTracker t = new AnswerTracker(bank.get("orm-select-vs-prefetch"), 0, 120_000, EnumSet.allOf(NudgeKind.class));
    long now = 1000;
    for (int i = 0; i < ANSWER.length; i++) {
      t.onCandidate(ANSWER[i], i != 0 && i != 1, now += 2000);
    }
    return t.finish(now);
  }
}

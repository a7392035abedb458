package dev.cuecard.bench;

import dev.cuecard.bank.BankLoader;
import dev.cuecard.match.Cues;
import dev.cuecard.match.Match;
import dev.cuecard.match.Matcher;
import dev.cuecard.match.SemanticIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Per-snippet cost of matching on the full bundled bank (docs/benchmarks.md). {@code match} is the
 * live lexical path, {@code cue} the room's inline cue decision around it, {@code rank} the Lucene
 * BM25 search used by the bank API, {@code semantic} the embedding fallback.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatcherBench {
  @Param({
      "so what's the difference between select related and prefetch related",
      "um okay tell me about a time you had a conflict with a teammate",
      "we use django and celery at work quite a lot",
      "how would you limit each user to a hundred requests a minute"})
  public String snippet;

  Matcher matcher;
  SemanticIndex semanticIndex;

  @Setup(Level.Trial)
  public void setUp() {
    matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    matcher.warmUp();
    semanticIndex = SemanticIndex.build(matcher);
  }

  @Benchmark
  public Optional<Match> match() {
    return matcher.match(snippet, true);
  }

  /** The cue decision's inline half, as a room runs it on a final snippet (a card, with its alternatives, or "later"). */
  @Benchmark
  public Cues.Decision cue() {
    return new Cues(matcher, semanticIndex).inline(snippet, true, null, new Cues.Trend());
  }

  @Benchmark
  public List<Match> rank() {
    return matcher.rank(snippet, 12);
  }

  @Benchmark
  public Optional<Match> semantic() {
    return semanticIndex.match(snippet);
  }
}

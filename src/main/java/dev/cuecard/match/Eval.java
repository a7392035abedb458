package dev.cuecard.match;

import dev.cuecard.bank.Card;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures matching on labelled lines: top-1 accuracy of the cue the server would push, MRR@5 of
 * the ranking, the false-cue rate on lines that must not cue, and matcher latency.
 */
public final class Eval {

  /** One labelled line: what was said, by whom, and keywords of acceptable cards (null: no card wanted). */
  public record Line(int number, String text, String speaker, List<String> expect) {
    boolean positive() {
      return expect != null && speaker.equals("interviewer");
    }
  }

  /** A line the matcher got wrong, for --verbose. */
  public record Miss(Line line, String got) {
  }

  public record Report(int positives, int top1, double mrr5, int negatives, int falseCues,
                       int keywordStatements, int keywordStatementCues, double p50Micros, double p99Micros,
                       List<Miss> misses) {
    public double accuracy() {
      return positives == 0 ? 0 : (double) top1 / positives;
    }

    public double falseCueRate() {
      return negatives == 0 ? 0 : (double) falseCues / negatives;
    }

    public JsonObject toJson() {
      return new JsonObject().put("positives", positives).put("top1", top1).put("accuracy", round(accuracy()))
          .put("mrr5", round(mrr5)).put("negatives", negatives).put("falseCues", falseCues)
          .put("falseCueRate", round(falseCueRate())).put("candidateLinesAsInterviewer", keywordStatements)
          .put("candidateLinesAsInterviewerCues", keywordStatementCues)
          .put("latencyP50Micros", round(p50Micros)).put("latencyP99Micros", round(p99Micros));
    }

    public String format() {
      return String.format(Locale.ROOT, """
          questions        %d
          top-1 accuracy   %.1f%% (%d/%d)
          MRR@5            %.3f
          no-cue lines     %d (chit-chat, statements, candidate speech)
          false cues       %.1f%% (%d/%d)
          candidate lines replayed as interviewer speech: %d cue(s) of %d
          matcher latency  p50 %.0f us, p99 %.0f us
          """, positives, 100 * accuracy(), top1, positives, mrr5, negatives, 100 * falseCueRate(), falseCues,
          negatives, keywordStatementCues, keywordStatements, p50Micros, p99Micros);
    }

    private static double round(double d) {
      return Math.round(d * 10000) / 10000.0;
    }
  }

  private Eval() {
  }

  /** Parses JSONL; blank lines and lines starting with # or // are skipped. */
  public static List<Line> parse(List<String> raw) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String s = raw.get(i).strip();
      if (s.isEmpty() || s.startsWith("#") || s.startsWith("//")) {
        continue;
      }
      JsonObject o;
      try {
        o = new JsonObject(s);
      } catch (DecodeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": not a JSON object");
      }
      if (!(o.getValue("text") instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("line " + (i + 1) + ": 'text' must be a non-empty string");
      }
      String speaker = o.getString("speaker", "interviewer");
      if (!speaker.equals("interviewer") && !speaker.equals("candidate")) {
        throw new IllegalArgumentException("line " + (i + 1) + ": 'speaker' must be interviewer or candidate");
      }
      Object e = o.getValue("expect");
      List<String> expect = null;
      if (e instanceof JsonArray arr && !arr.isEmpty()) {
        expect = arr.stream().map(x -> x.toString().toLowerCase(Locale.ROOT)).toList();
      } else if (e != null) {
        throw new IllegalArgumentException("line " + (i + 1) + ": 'expect' must be a non-empty array or null");
      }
      out.add(new Line(i + 1, text, speaker, expect));
    }
    return out;
  }

  /** A card is a hit when its id, question, aliases or tags contain any expected keyword. */
  static boolean hit(Card c, List<String> expect) {
    String hay = (c.id() + "\n" + c.question() + "\n" + String.join("\n", c.aliases()) + "\n"
        + String.join("\n", c.tags())).toLowerCase(Locale.ROOT);
    return expect.stream().anyMatch(hay::contains);
  }

  /** Lexical matching only. */
  public static Report run(Matcher matcher, List<Line> lines) {
    return run(matcher, null, lines);
  }

  /** The cue the server would push for a final interviewer snippet: lexical first, then the semantic fallback. */
  static Optional<Match> cue(Matcher matcher, SemanticIndex semantic, String text) {
    Optional<Match> m = matcher.match(text, true);
    if (m.isEmpty() && semantic != null && QuestionDetector.isQuestion(text)) {
      return semantic.match(text);
    }
    return m;
  }

  /** Lexical matching with the semantic fallback when {@code semantic} is not null. */
  public static Report run(Matcher matcher, SemanticIndex semantic, List<Line> lines) {
    int positives = 0;
    int top1 = 0;
    double rr = 0;
    int negatives = 0;
    int falseCues = 0;
    int statements = 0;
    int statementCues = 0;
    List<Miss> misses = new ArrayList<>();
    for (Line l : lines) {
      boolean interviewer = l.speaker().equals("interviewer");
      Optional<Match> cue = interviewer ? cue(matcher, semantic, l.text()) : Optional.empty();
      if (l.positive()) {
        positives++;
        if (cue.isPresent() && hit(cue.get().card(), l.expect())) {
          top1++;
        } else {
          misses.add(new Miss(l, cue.map(Match::toString).orElse("no cue; ranked " + matcher.rank(l.text(), 3))));
        }
        List<Match> ranked = matcher.rank(l.text(), 5);
        for (int i = 0; i < ranked.size(); i++) {
          if (hit(ranked.get(i).card(), l.expect())) {
            rr += 1.0 / (i + 1);
            break;
          }
        }
      } else {
        negatives++;
        if (cue.isPresent()) {
          falseCues++;
          misses.add(new Miss(l, "false cue " + cue.get()));
        }
        if (!interviewer) {
          statements++;
          if (cue(matcher, semantic, l.text()).isPresent()) {
            statementCues++;
          }
        }
      }
    }
    double[] micros = latencies(matcher, semantic, lines);
    return new Report(positives, top1, positives == 0 ? 0 : rr / positives, negatives, falseCues, statements,
        statementCues, percentile(micros, 0.50), percentile(micros, 0.99), misses);
  }

  /** Times the cue decision per line over several passes, after a warm-up pass. */
  private static double[] latencies(Matcher matcher, SemanticIndex semantic, List<Line> lines) {
    int passes = semantic == null ? 20 : 3;
    for (Line l : lines) {
      cue(matcher, semantic, l.text());
    }
    double[] out = new double[lines.size() * passes];
    int k = 0;
    for (int p = 0; p < passes; p++) {
      for (Line l : lines) {
        long t0 = System.nanoTime();
        cue(matcher, semantic, l.text());
        out[k++] = (System.nanoTime() - t0) / 1000.0;
      }
    }
    return out;
  }

  private static double percentile(double[] v, double q) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
  }
}

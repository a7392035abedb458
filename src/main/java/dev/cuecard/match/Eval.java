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
import java.util.function.BiFunction;

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
                       List<Miss> misses, int wrongCards, int fallbacks, int fallbacksClosestRight, int detected,
                       int detectedCued, OneClick oneClick,
                       EarlyEval.Early early, EarlyEval.Early earlyPausingEveryStep) {
    public double accuracy() {
      return positives == 0 ? 0 : (double) top1 / positives;
    }

    public double falseCueRate() {
      return negatives == 0 ? 0 : (double) falseCues / negatives;
    }

    /** Of the labelled questions the detector caught, the share that got a cue: a card or a fallback. */
    public double cueRate() {
      return detected == 0 ? 0 : (double) detectedCued / detected;
    }

    /**
     * Of the labelled questions, the share whose right card was shown, or was one click away: among
     * a wrong card's alternatives or a fallback's related cards.
     */
    public double oneClickShare() {
      return positives == 0 ? 0 : (double) (top1 + oneClick.wrongCards() + oneClick.fallbacks()) / positives;
    }

    /** Of the cards shown for questions, the share that were right. */
    public double precision() {
      return top1 + wrongCards == 0 ? 0 : (double) top1 / (top1 + wrongCards);
    }

    public JsonObject toJson() {
      return new JsonObject().put("positives", positives).put("top1", top1).put("accuracy", round(accuracy()))
          .put("mrr5", round(mrr5)).put("negatives", negatives).put("falseCues", falseCues)
          .put("falseCueRate", round(falseCueRate())).put("candidateLinesAsInterviewer", keywordStatements)
          .put("candidateLinesAsInterviewerCues", keywordStatementCues).put("wrongCards", wrongCards)
          .put("precision", round(precision())).put("fallbacks", fallbacks)
          .put("fallbacksClosestRight", fallbacksClosestRight).put("detectedQuestions", detected)
          .put("detectedQuestionsCued", detectedCued).put("cueRate", round(cueRate()))
          .put("wrongCardsAlternativeRight", oneClick.wrongCards()).put("fallbacksRelatedRight", oneClick.fallbacks())
          .put("rightCardShownOrOneClickAway", round(oneClickShare()))
          .put("early", early.toJson())
          .put("earlyIfPausedEveryStep", earlyPausingEveryStep.toJson())
          .put("latencyP50Micros", round(p50Micros)).put("latencyP99Micros", round(p99Micros));
    }

    public String format() {
      return String.format(Locale.ROOT, """
          questions        %d
          top-1 accuracy   %.1f%% (%d/%d)
          wrong cards      %d (cards shown that were right: %.1f%%; the right card among their alternatives: %d)
          fallback cues    %d (the right card closest among their related cards: %d; among them: %d)
          right card shown or one click away %.1f%%
          cue for a detected question %.1f%% (%d/%d, card or fallback)
          MRR@5            %.3f
          no-cue lines     %d (chit-chat, statements, candidate speech)
          false cues       %.1f%% (%d/%d)
          candidate lines replayed as interviewer speech: %d cue(s) of %d
          early cards      %s
            if the speaker also paused every 3 words: %s
          decision latency p50 %.0f us, p99 %.0f us
          """, positives, 100 * accuracy(), top1, positives, wrongCards, 100 * precision(), oneClick.wrongCards(),
          fallbacks, fallbacksClosestRight, oneClick.fallbacks(), 100 * oneClickShare(), 100 * cueRate(), detectedCued,
          detected, mrr5, negatives, 100 * falseCueRate(), falseCues, negatives, keywordStatementCues, keywordStatements,
          early.format(), earlyPausingEveryStep.format(), p50Micros,
          p99Micros);
    }

    static double round(double d) {
      return Math.round(d * 10000) / 10000.0;
    }
  }

  /**
   * Questions whose right card was one click away: wrong cards with it among their alternatives,
   * and fallbacks with it among their related cards.
   */
  public record OneClick(int wrongCards, int fallbacks) {
  }

  private Eval() {
  }

  /** Parses JSONL; blank lines and lines starting with # or // are skipped. */
  public static List<Line> parse(List<String> raw) {
    return jsonl(raw, (n, o) -> {
      if (!(o.getValue("text") instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("line " + n + ": 'text' must be a non-empty string");
      }
      String speaker = o.getString("speaker", "interviewer");
      if (!speaker.equals("interviewer") && !speaker.equals("candidate")) {
        throw new IllegalArgumentException("line " + n + ": 'speaker' must be interviewer or candidate");
      }
      Object e = o.getValue("expect");
      List<String> expect = null;
      if (e instanceof JsonArray arr && !arr.isEmpty()) {
        expect = keywords(arr);
      } else if (e != null) {
        throw new IllegalArgumentException("line " + n + ": 'expect' must be a non-empty array or null");
      }
      return new Line(n, text, speaker, expect);
    });
  }

  /**
   * One labelled set's lines, each a JSON object read by {@code line} (given its 1-based line
   * number); blank lines and lines starting with # or // are skipped.
   */
  static <T> List<T> jsonl(List<String> raw, BiFunction<Integer, JsonObject, T> line) {
    List<T> out = new ArrayList<>();
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
      out.add(line.apply(i + 1, o));
    }
    return out;
  }

  /** Expected-card keywords, lower-cased. */
  static List<String> keywords(JsonArray a) {
    return a.stream().map(x -> x.toString().toLowerCase(Locale.ROOT)).toList();
  }

  /** A card is a hit when its id, question, aliases or tags contain any expected keyword. */
  public static boolean hit(Card c, List<String> expect) {
    String hay = (c.id() + "\n" + c.question() + "\n" + String.join("\n", c.aliases()) + "\n"
        + String.join("\n", c.tags())).toLowerCase(Locale.ROOT);
    return expect.stream().anyMatch(hay::contains);
  }

  /** Lexical matching only. */
  public static Report run(Matcher matcher, List<Line> lines) {
    return run(matcher, null, lines);
  }


  /** What the server decides for a final interviewer snippet with no card on screen. */
  static Cues.Decision decide(Cues cues, String text) {
    return decide(cues, text, null);
  }

  /**
   * What the server decides for a final interviewer snippet: the inline half, then the worker half
   * if asked; a card the words were sure of, as the model's second look leaves or replaces it.
   */
  static Cues.Decision decide(Cues cues, String text, Card onScreen) {
    return decide(cues, text, onScreen, null);
  }

  /** {@link #decide(Cues, String, Card)} heard after the candidate said {@code answer} (or null) since the card came up. */
  static Cues.Decision decide(Cues cues, String text, Card onScreen, AnswerWords answer) {
    Cues.Decision d = firstCue(cues, text, onScreen, answer);
    return cues.secondLook(text, d).orElse(d);
  }

  /** The first cue for a final snippet: the inline half, then the worker half if asked (what {@link #latencies} times). */
  private static Cues.Decision firstCue(Cues cues, String text, Card onScreen, AnswerWords answer) {
    Cues.Decision d = cues.inline(text, true, onScreen, new Cues.Trend(), answer);
    return d.kind() == Cues.Kind.LATER ? cues.offLoop(text, onScreen) : d;
  }

  /** Lexical matching with the semantic check when {@code semantic} is not null. */
  public static Report run(Matcher matcher, SemanticIndex semantic, List<Line> lines) {
    Cues cues = new Cues(matcher, semantic);
    int positives = 0;
    int top1 = 0;
    int wrong = 0;
    int fallbacks = 0;
    int closestRight = 0;
    int wrongAlternativeRight = 0;
    int relatedRight = 0;
    int detected = 0;
    int detectedCued = 0;
    double rr = 0;
    int negatives = 0;
    int falseCues = 0;
    int statements = 0;
    int statementCues = 0;
    List<Miss> misses = new ArrayList<>();
    for (Line l : lines) {
      boolean interviewer = l.speaker().equals("interviewer");
      Cues.Decision d = interviewer ? decide(cues, l.text()) : Cues.Decision.NONE;
      boolean card = d.kind() == Cues.Kind.CARD;
      if (l.positive()) {
        positives++;
        // a problem stated as a fact counts as a question when a card answers it (it never gets a fallback)
        if (QuestionDetector.asks(l.text()) || card) {
          detected++;
          if (card || d.kind() == Cues.Kind.FALLBACK) {
            detectedCued++;
          }
        }
        if (card && hit(d.match().card(), l.expect())) {
          top1++;
        } else {
          wrong += card ? 1 : 0;
          fallbacks += d.kind() == Cues.Kind.FALLBACK ? 1 : 0;
          if (d.kind() == Cues.Kind.FALLBACK && !d.related().isEmpty() && hit(d.related().get(0).card(), l.expect())) {
            closestRight++; // the right card is the fallback's closest related card, one click away
          }
          boolean oneClick = d.related().stream().anyMatch(r -> hit(r.card(), l.expect()));
          wrongAlternativeRight += card && oneClick ? 1 : 0;
          relatedRight += d.kind() == Cues.Kind.FALLBACK && oneClick ? 1 : 0;
          misses.add(new Miss(l, card ? d.match().toString() : d.kind().name().toLowerCase(Locale.ROOT)
              + "; ranked " + matcher.rank(l.text(), 3)));
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
        if (card || d.kind() == Cues.Kind.FALLBACK) {
          falseCues++;
          misses.add(new Miss(l, "false cue " + (card ? d.match() : "fallback")));
        }
        if (!interviewer) {
          statements++;
          if (decide(cues, l.text()).kind() == Cues.Kind.CARD) {
            statementCues++;
          }
        }
      }
    }
    double[] micros = latencies(cues, lines);
    return new Report(positives, top1, positives == 0 ? 0 : rr / positives, negatives, falseCues, statements,
        statementCues, percentile(micros, 0.50), percentile(micros, 0.99), misses, wrong, fallbacks, closestRight, detected,
        detectedCued, new OneClick(wrongAlternativeRight, relatedRight), EarlyEval.measure(cues, lines, false),
        EarlyEval.measure(cues, lines, true));
  }

  /** One TSV row per interviewer line: the features the cue decision weighs, and whether each top card is right. */
  public static List<String> features(Matcher matcher, SemanticIndex semantic, List<Line> lines) {
    List<String> out = new ArrayList<>();
    out.add("line\tlabel\tcertainty\tlex\tlexMargin\tlexRight\tsem\tsemMargin\tsemRight\tlexCard\tsemCard\ttext");
    for (Line l : lines) {
      if (!l.speaker().equals("interviewer")) {
        continue;
      }
      List<Match> lex = matcher.top(l.text(), 2);
      Optional<Match> sem = semantic == null ? Optional.empty() : semantic.best(l.text());
      String label = l.expect() == null ? "none" : "card";
      out.add(String.format(Locale.ROOT, "%d\t%s\t%.2f\t%.3f\t%.3f\t%s\t%.3f\t%.3f\t%s\t%s\t%s\t%s", l.number(), label,
          QuestionDetector.certainty(l.text()), lex.isEmpty() ? 0 : lex.get(0).score(),
          lex.isEmpty() ? 0 : lex.get(0).margin(), !lex.isEmpty() && l.expect() != null && hit(lex.get(0).card(), l.expect()),
          sem.map(Match::score).orElse(0.0), sem.map(Match::margin).orElse(0.0),
          sem.isPresent() && l.expect() != null && hit(sem.get().card(), l.expect()),
          lex.isEmpty() ? "-" : lex.get(0).card().id(), sem.map(m -> m.card().id()).orElse("-"), l.text()));
    }
    return out;
  }

  /**
   * Times the first cue's decision (both halves; not the model's second look at a card the words
   * were sure of, which replaces a card already shown) per line over several passes, after a warm-up pass.
   */
  private static double[] latencies(Cues cues, List<Line> lines) {
    int passes = 5;
    for (Line l : lines) {
      decide(cues, l.text());
    }
    double[] out = new double[lines.size() * passes];
    int k = 0;
    for (int p = 0; p < passes; p++) {
      for (Line l : lines) {
        cues.forgetRecentRankings(); // a live final pays for its embedding unless its interim was speculated
        long t0 = System.nanoTime();
        firstCue(cues, l.text(), null, null);
        out[k++] = (System.nanoTime() - t0) / 1000.0;
      }
    }
    return out;
  }

  static double percentile(double[] v, double q) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
  }
}

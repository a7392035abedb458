package dev.cuecard.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often each ranking's first card is right, by the band its score falls in, over every
 * labelled question of a set, shown or not: what a score means on that set's wording
 * ({@code eval FILE --calibration}; docs/matching.md, "Calibration"). The bands are the lines the
 * cue rule draws ({@link CueRule}).
 */
public final class Calibration {
  /** The lower ends of the lexical score's bands above the first. */
  static final double[] LEXICAL = {0.4, 0.5, 0.6, 0.7, 0.8};
  /** The lower ends of the fused semantic score's bands above the first. */
  static final double[] SEMANTIC = {0.6, 0.7, 0.8};

  /** One band: its name ("0.7-0.8"), how many of its first cards were right, and of how many. */
  public record Band(String name, int right, int of) {
    @Override
    public String toString() {
      String share = of >= 10 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * right / of) : "";
      return String.format(Locale.ROOT, "  %-9s %d/%d%s", name, right, of, share);
    }
  }

  private Calibration() {
  }

  /**
   * The lexical bands, then (with the model, else empty) the fused semantic bands, over the
   * interviewer's labelled questions.
   */
  public static List<List<Band>> of(Matcher matcher, SemanticIndex semantic, List<Eval.Line> lines) {
    int[][] lexical = new int[LEXICAL.length + 1][2];
    int[][] fused = new int[SEMANTIC.length + 1][2];
    for (Eval.Line l : lines) {
      if (!l.speaker().equals("interviewer") || l.expect() == null) {
        continue;
      }
      // a question that shares no word with any card is a miss of the lowest band
      List<Match> byWords = matcher.top(l.text(), 1);
      boolean right = !byWords.isEmpty() && Eval.hit(byWords.get(0).card(), l.expect());
      count(lexical, band(LEXICAL, byWords.isEmpty() ? 0 : byWords.get(0).score()), right);
      if (semantic != null) {
        semantic.best(l.text()).ifPresent(m -> count(fused, band(SEMANTIC, m.score()), Eval.hit(m.card(), l.expect())));
      }
    }
    List<List<Band>> out = new ArrayList<>();
    out.add(bands(LEXICAL, lexical));
    out.add(semantic == null ? List.of() : bands(SEMANTIC, fused));
    return out;
  }

  /** The lines {@code eval --calibration} prints. */
  public static List<String> format(List<List<Band>> tables) {
    List<String> out = new ArrayList<>();
    out.add("first card by words: right of, by lexical score");
    tables.get(0).forEach(b -> out.add(b.toString()));
    if (!tables.get(1).isEmpty()) {
      out.add("first card by meaning: right of, by fused semantic score");
      tables.get(1).forEach(b -> out.add(b.toString()));
    }
    return out;
  }

  static int band(double[] cuts, double score) {
    int b = 0;
    while (b < cuts.length && score >= cuts[b]) {
      b++;
    }
    return b;
  }

  private static void count(int[][] bands, int band, boolean right) {
    bands[band][1]++;
    if (right) {
      bands[band][0]++;
    }
  }

  private static List<Band> bands(double[] cuts, int[][] counts) {
    List<Band> out = new ArrayList<>();
    for (int b = 0; b <= cuts.length; b++) {
      String name = b == 0 ? String.format(Locale.ROOT, "< %.1f", cuts[0])
          : b == cuts.length ? String.format(Locale.ROOT, ">= %.1f", cuts[b - 1])
          : String.format(Locale.ROOT, "%.1f-%.1f", cuts[b - 1], cuts[b]);
      out.add(new Band(name, counts[b][0], counts[b][1]));
    }
    return out;
  }
}

package dev.cuecard.coach;

import dev.cuecard.match.TextAnalysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word, filler and metric counting on spoken text. */
final class Speech {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Set<String> ONE_WORD_FILLERS = Set.of("um", "umm", "uh", "uhh", "er", "erm", "hmm", "like",
      "basically", "actually", "literally");
  private static final Pattern TWO_WORD_FILLERS = Pattern.compile("\\b(?:you know|i mean|sort of|kind of)\\b");
  private static final Pattern METRIC = Pattern.compile(
      "\\d|%|\\b(?:percent|per cent|twice|double|doubled|half|halved|tripled|triple|times faster|x faster"
          + "|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|users?|requests?|dollars?|revenue"
          + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
          + "|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion)\\b");

  private Speech() {
  }

  static int words(String text) {
    int n = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean w = Character.isLetterOrDigit(c) || c == '\'';
      if (w && !inWord) {
        n++;
      }
      inWord = w;
    }
    return n;
  }

  /** Filler words: um, uh, like, basically, "you know", "kind of" and friends ("so" is too often meant). */
  static int fillers(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    int n = 0;
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      if (ONE_WORD_FILLERS.contains(m.group())) {
        n++;
      }
    }
    Matcher two = TWO_WORD_FILLERS.matcher(t);
    while (two.find()) {
      n++;
    }
    return n;
  }

  /** Whether the text states a number or a measurable quantity. */
  static boolean hasMetric(String text) {
    return METRIC.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  /** Analyzed tokens in order (duplicates kept), for phrase matching. */
  static List<String> tokens(String text) {
    return TextAnalysis.tokens(text);
  }
}

package dev.cuecard.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a recogniser's spellings into the written words the sentence encoder knows ("jango" to
 * "django", "sequel injection" to "sql injection", "gunny corn" to "gunicorn"), from the same rules
 * the lexical analysis uses (match/synonyms.txt), before a text is embedded. The lexical side maps
 * them to single tokens; the encoder was trained on written English, so it gets words: a rule's
 * canonical token with its underscores as spaces. Rules that shorten a spelled-out name to its
 * initials ("global interpreter lock" to "gil") and the catch-all "generic" rule are skipped: the
 * long form tells the encoder more than the acronym. Stateless and thread-safe.
 */
final class SpokenForms {
  /** Spoken form to written form. */
  private static final Map<String, String> WRITTEN = new HashMap<>();
  /** Every spoken form between word boundaries, longest first, so "sequel injection" wins over "sequel". */
  private static final Pattern SPOKEN = load();

  private SpokenForms() {
  }

  /** The text in lower case with every spoken form replaced by its written one. */
  static String written(String text) {
    String s = " " + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + " ";
    return SPOKEN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(WRITTEN.get(m.group()))).strip();
  }

  private static Pattern load() {
    List<String[]> pairs = new ArrayList<>();
    for (String line : RuleFiles.lines("match/synonyms.txt")) {
      String[] sides = line.split("=>");
      if (sides.length != 2) {
        continue; // a rule without a canonical form only joins its variants; nothing to rewrite
      }
      String canonical = sides[1].strip();
      if (canonical.equals("generic_type")) {
        continue; // joins "generic" for the lexical side only; "generic type views" would mislead
      }
      String written = canonical.replace('_', ' ');
      for (String variant : sides[0].split(",")) {
        String spoken = variant.strip().toLowerCase(Locale.ROOT);
        if (!spoken.isEmpty() && !spoken.equals(written) && !initialsOf(spoken, written)) {
          pairs.add(new String[] {spoken, written});
        }
      }
    }
    pairs.sort(Comparator.comparingInt((String[] p) -> p[0].length()).reversed());
    StringBuilder alternatives = new StringBuilder();
    for (String[] p : pairs) {
      WRITTEN.putIfAbsent(p[0], p[1]);
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(p[0]));
    }
    return Pattern.compile("(?<= )(?:" + alternatives + ")(?= )");
  }

  /** Whether {@code written} only abbreviates words spelled out in full ("cross site request forgery"). */
  private static boolean initialsOf(String spoken, String written) {
    String[] words = spoken.split(" ");
    if (words.length < 2 || words[0].length() < 2) {
      return false; // "d r f" is a recogniser's letters, not a name spelled out
    }
    StringBuilder initials = new StringBuilder();
    for (String w : words) {
      initials.append(w.charAt(0));
    }
    return initials.toString().equals(written);
  }
}

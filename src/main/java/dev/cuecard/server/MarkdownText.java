package dev.cuecard.server;

import java.util.regex.Pattern;

/**
 * Makes user text (a session title, an utterance, a note) inert inside a Markdown export: it
 * reads as the same characters in any CommonMark or GitHub-flavoured renderer, and can start no
 * link, image, autolink, raw HTML, entity, emphasis, code span, heading, quote, table or list.
 *
 * <p>Backslash escapes stop every construct the parser sees. GitHub-style autolinking is
 * different: renderers apply it to the text after parsing, where escapes are gone, so
 * "http://" and "www." are broken up with an invisible zero-width space (U+200B) instead, and
 * "@" is written as the full-width "＠" (U+FF20), as lenient autolinkers take text on both
 * sides of any "@" for an e-mail address. The text reads the same but is not turned into a link.
 */
final class MarkdownText {
  /** Characters with inline meaning in CommonMark or its common extensions (GFM tables, strikethrough, autolinks). */
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()<>#!|~&+=-])");
  /** What GFM autolinking looks for in text: a scheme's "://", "www." and the "@" of an address. */
  private static final Pattern AUTOLINK = Pattern.compile("(?i)(:)(//)|(www)(\\.)|()(@)");
  private static final String ZWSP = "\u200b";
  /** Some autolinkers take any text around an "@" for an address, whatever is put beside it: it is shown as "＠". */
  private static final String FULLWIDTH_AT = "\uff20";
  /** Line breaks (and Unicode's own) would let text start a block of its own. */
  private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\u000b\\u000c\\u0085\\u2028\\u2029]+");
  private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0008\\u000e-\\u001f\\u007f]");

  private MarkdownText() {
  }

  static String escape(String text) {
    String s = CONTROL.matcher(text).replaceAll("");
    s = BREAKS.matcher(s).replaceAll(" ").strip();
    s = SPECIAL.matcher(s).replaceAll("\\\\$1");
    return AUTOLINK.matcher(s).replaceAll(m -> m.group(1) != null ? ":" + ZWSP + "//"
        : m.group(3) != null ? m.group(3) + ZWSP + "." : FULLWIDTH_AT);
  }
}

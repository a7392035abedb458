package dev.cuecard.bank;

import java.util.regex.Pattern;

/**
 * A one-sentence opening line for a card, so a candidate who freezes has words to begin with: a
 * technical card's own first sentence (its definition), a story card's way into the situation, a
 * design card's scoping question. Derived from the card, so every bank card has one.
 */
public final class Opening {
  /** Longer than this, a first sentence is cut at its first colon or semicolon. */
  static final int MAX = 170;
  /** A sentence ends at . ! or ? before a space, except after "e.g.", "i.e." and "etc." (identifiers may start lower case). */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])(?<!\\be\\.g\\.)(?<!\\bi\\.e\\.)(?<!\\betc\\.)\\s+(?=[A-Za-z(])");
  private static final Pattern CLAUSE_END = Pattern.compile("[:;]\\s");

  private Opening() {
  }

  public static String of(Card c) {
    return switch (c.framework()) {
      case STAR -> "Sure. One that comes to mind is from my last role, when [the situation in one sentence].";
      case CAR -> "The context was [where and when], and the challenge was [the problem in one sentence].";
      case DESIGN -> c.clarify() != null
          ? "Before I sketch anything, let me check the scope: " + lowerFirst(c.clarify())
          : "Let me start with the requirements, then the main components, then how it scales.";
      case TECHNICAL -> firstSentence(c.answer());
    };
  }

  private static String firstSentence(String answer) {
    if (answer == null || answer.isBlank()) {
      return "In one sentence, it is [the definition]; then I will show how it works with an example.";
    }
    String first = SENTENCE_END.split(answer.strip(), 2)[0];
    if (first.length() > MAX) {
      var m = CLAUSE_END.matcher(first);
      first = m.find(30) && m.start() <= MAX ? first.substring(0, m.start()) + "." : first.substring(0, MAX) + "...";
    }
    return first;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}

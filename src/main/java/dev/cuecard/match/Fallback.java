package dev.cuecard.match;

import dev.cuecard.bank.Card;
import dev.cuecard.bank.Card.Framework;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cue for a question no card answers with confidence: the question as heard, the answer
 * structure for its kind (a story, a technical explanation, a system design), generic reminders,
 * and the nearest cards as related. The candidate always gets structure, and the cue says plainly
 * that it is a fallback. Small talk and bare follow-ups ("why?") get none.
 */
public final class Fallback {
  /** Card ids of fallbacks start with this; no bank card may (BankLoader's id rule has no colon). */
  public static final String ID_PREFIX = "fallback:";
  /** The nearest cards offered beside a fallback. */
  public static final int RELATED = 3;
  /** Fewer content terms than this is not a question a card could be made of ("why?", "and then?"). */
  static final int MIN_TERMS = 2;

  private static final Pattern SMALL_TALK = Pattern.compile("\\b(?:how are you|how's it going|how is it going"
      + "|how(?:'s| is| was| has) your (?:day|week|weekend|morning|evening)|can you hear me|can you see (?:my|the) screen"
      + "|(?:are|is) (?:you|everyone) ready|shall we (?:start|begin)|should we (?:start|begin)|does that make sense"
      + "|is that (?:clear|ok|okay|fine)|sound(?:s)? good|any questions before|did i lose you|are you still there"
      + "|do you want (?:some )?water|how do you pronounce"
      // the call and the day itself: travel, weather, breaks, notes, the audio and the screen
      + "|(?:parking|commute|journey|weather|raining|weekend|coffee or (?:a )?tea)"
      + "|(?:get|getting) started|kick off|before we (?:begin|start)|ready to (?:begin|start|go)"
      + "|(?:a|short|quick) break|take (?:some )?notes|record (?:this|the call)|introduce (?:myself|the|my)"
      + "|(?:audio|sound|video|microphone|mic|connection) (?:okay|ok|working|fine|good|clear)"
      + "|(?:shared|my) (?:screen|document)|calendar invite|meeting link|good time for you"
      + "|(?:working|calling|joining) (?:from|in from)|lived (?:in|here|there)|been to (?:our|the) office"
      + "|how (?:was|is) (?:the|your) (?:traffic|drive|trip|flight|train|ride)|find (?:the|our) (?:office|building|room)"
      + "|(?:you|it|the line) cut out|(?:repeat|say) that (?:again|last (?:bit|part))|could you repeat that"
      + "|what time is it|time difference between us|(?:video|screen|picture|call) (?:is |keeps )?(?:freezing|lagging)"
      + "|freezing (?:for|on) you|to get here)\\b");

  private static final Pattern STORY = Pattern.compile("\\b(?:a time (?:when|that|you)|tell me about (?:a|an|the) "
      + "(?:time|situation|project|moment|occasion)|describe a (?:time|situation)|give me an example of (?:a time|when)"
      + "|have you ever|how do you (?:handle|deal with|react to|respond to|prioriti[sz]e|approach)|your (?:biggest|greatest)"
      + "|what would your (?:manager|teammates|colleagues)|conflict|disagree|mistake|failure|failed|proud|weakness"
      + "|strength|feedback|deadline|teammate|coworker|co-worker|stakeholder|tell me about yourself|why do you want"
      + "|why should we|where do you see yourself)\\b");

  private static final Pattern DESIGN = Pattern.compile("\\b(?:design (?:a|an|the)|how would you (?:design|build|architect"
      + "|scale)|architect(?:ure)? (?:for|of)|system (?:for|that)|at scale|scale (?:it|this|that) to|millions of"
      + "|billions? of|a billion|high traffic|(?:url shortener|rate limiter|news feed|chat (?:app|service|system))"
      + "|distributed)\\b");

  private static final List<String> STORY_REMINDERS = List.of(
      "Pick one real example; set the scene in two sentences", "Say what you did: 'I', not 'we'",
      "Close with a number: time saved, errors cut, users helped", "Add what you learned; keep it under two minutes");
  private static final List<String> TECHNICAL_REMINDERS = List.of(
      "Define it in one sentence first", "Say how it works, then give a concrete example",
      "Name the trade-off or when you would not use it", "Unsure of the scope? Ask a clarifying question");
  private static final List<String> DESIGN_REMINDERS = List.of(
      "Ask about users, load and what must never be lost before drawing boxes",
      "Sketch the data model and the API first", "Name the bottleneck and how it scales",
      "Say what you would trade away, and why");

  private Fallback() {
  }

  /** Whether a detected question deserves a fallback cue: not small talk, and with something to answer about. */
  public static boolean deserves(String heard) {
    return QuestionDetector.asks(heard) && !smallTalk(heard) && TextAnalysis.terms(heard).size() >= MIN_TERMS;
  }

  /** Whether the words are small talk by their pattern (the journey, the weather, the call itself). */
  static boolean smallTalk(String heard) {
    return SMALL_TALK.matcher(heard.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
  }

  /** The answer structure for a question: a story, a design, or (by default) a technical explanation. */
  public static Framework framework(String heard) {
    String t = heard.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (DESIGN.matcher(t).find()) {
      return Framework.DESIGN;
    }
    return STORY.matcher(t).find() ? Framework.STAR : Framework.TECHNICAL;
  }

  /** Whether a card is a fallback's (its id has {@link #ID_PREFIX}, which no bank card's id may have). */
  public static boolean is(Card card) {
    return card.id().startsWith(ID_PREFIX);
  }

  /** The fallback card for a question as heard. */
  public static Card card(String heard) {
    Framework f = framework(heard);
    List<String> reminders = switch (f) {
      case STAR, CAR -> STORY_REMINDERS;
      case DESIGN -> DESIGN_REMINDERS;
      case TECHNICAL -> TECHNICAL_REMINDERS;
    };
    String kind = f.name().toLowerCase(Locale.ROOT);
    return new Card(ID_PREFIX + kind, "fallback", heard, List.of(), "No card yet", f, "medium", "", List.of(),
        List.of(), null, reminders, List.of());
  }
}

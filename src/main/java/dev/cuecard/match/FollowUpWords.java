package dev.cuecard.match;

import dev.cuecard.match.FollowUps.Kind;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a follow-up's words say, before any card is looked at: the kind of follow-up it asks
 * ("why", "at scale", "an example", ...), whether it points back at the answer just given ("that",
 * "what if ...", "and with fifty thousand rows"), whether a pronoun in it can only stand for what is
 * on screen, and whether it opens a new story instead. Regular expressions over the lowered words;
 * {@link FollowUps} weighs these against the cards.
 */
final class FollowUpWords {

  /** The kind of follow-up the words ask, and whether they say nothing besides ("can you show me an example"). */
  record Asked(Kind kind, boolean bare) {
  }

  private static final String REF = "(?:that|it|this|those|these|them|there|the table|the system|the service)";

  /** Kinds in the order they are tried; the first pattern found wins. */
  private static final Map<Kind, Pattern> GENERIC = new LinkedHashMap<>();

  static {
    GENERIC.put(Kind.DIFFERENTLY, Pattern.compile("\\b(?:do (?:anything |it )?differently|change anything"
        + "|would you change"
        + "|if you (?:did|had) (?:it|to do it) again|in hindsight|looking back)\\b"));
    GENERIC.put(Kind.LEARNED, Pattern.compile("\\bwhat (?:did|have) you (?:learn|learned|take away)\\b"
        + "|\\btake ?aways?\\b"
        + "|\\blessons? learned\\b"));
    GENERIC.put(Kind.FAILURE, Pattern.compile("\\b(?:goes down|go down|went down|crash(?:es|ed)?|dies|died"
        + "|fails?|failed"
        + "|is down|times out|unavailable|dies halfway|breaks? down|broke down|stops? working|stopped working"
        + "|(?:goes|go|went) missing)\\b"
        + "|^(?:(?:and|but|so) )?what (?:goes|went|could go|can go|would go|might go) wrong\\b"));
    GENERIC.put(Kind.SCALE, Pattern.compile("\\b(?:scale|at scale|ten times|10 ?x|10 times|millions? of|billions? of"
        + "|million|billion|more traffic|more users|much bigger)\\b"));
    GENERIC.put(Kind.TRADEOFFS, Pattern.compile("\\b(?:downsides?|drawbacks?|trade ?-?offs?|disadvantages?|cons"
        + "|the catch"
        + "|pitfalls?|hurt|any problems|risks?|weak (?:points?|spots?))\\b"));
    // "what was the hardest part"; not "the hardest feedback you've had", a story of its own
    GENERIC.put(Kind.HARDEST, Pattern.compile("\\b(?:hardest|trickiest|toughest|most difficult|most challenging)"
        + " (?:part|bit|thing|step|piece)\\b"));
    GENERIC.put(Kind.ALTERNATIVES, Pattern.compile("\\b(?:alternatives?|other options?|another way|what else"
        + "|use instead|other approach(?:es)?|get around " + REF + ")\\b"
        + "|^(?:\\S+ ){1,6}instead$")); // "could you use a set instead"; a long question ending so asks its own
    // "how would you test it", "how would you test for that"; not "how do you test code that calls an api",
    // a question of its own
    GENERIC.put(Kind.TESTING, Pattern.compile("\\bhow (?:would|do|did|can) you (?:test|catch|verify) (?:for )?" + REF
        + "\\b|\\b(?:test|run) " + REF + " in ci\\b|\\bin (?:your |the )?tests\\b"
        // "how would you test the scheduling": the noun is left for another card to claim
        + "|^how (?:would|do|can) you test (?:the|your)(?= \\w+$)"));
    GENERIC.put(Kind.DEEPER, Pattern.compile("\\b(?:under the hood|go (?:a bit |a little )?deeper|more detail"
        + "|elaborate|dig (?:in|deeper)|how does " + REF + " (?:actually )?work|actually happening)\\b"));
    GENERIC.put(Kind.METRICS, Pattern.compile("\\b(?:how did you (?:measure|know it worked)|the numbers|in numbers"
        + "|before and after|how much (?:faster|better)|what was the (?:impact|outcome|result)|put a number on"
        + "|what (?:numbers|metrics) would you)\\b"));
    GENERIC.put(Kind.ROLE, Pattern.compile("\\b(?:your (?:role|part|contribution)|you personally|which parts did you"
        + "|what did you (?:personally|yourself)|(?:did|do) (?:you )?(?:do )?yourself"
        + "|what (?:exactly|specifically) did you do)\\b"));
    // "which would you use"; not "what would you use", which opens many a new question
    GENERIC.put(Kind.CHOICE, Pattern.compile("\\b(?:which (?:one |\\w+ )?would you"
        + " (?:pick|choose|go with|use|ship|recommend|prefer|take)"
        + "|what would you (?:pick|choose|go with))\\b"));
    GENERIC.put(Kind.FIRST, Pattern.compile("\\b(?:first step|where (?:would|do|did) you (?:start|begin)"
        + "|(?:build|do|tackle|ship|fix|check) first)\\b"));
    // "an example", "show me a quick example", "give me one concrete example" (the prompt's verb is part of it)
    GENERIC.put(Kind.EXAMPLE, Pattern.compile("^(?:for example|for instance)$"
        + "|\\b(?:(?:(?:show|give) (?:me|us) )?(?:an?|one) (?:\\w+ )?example"
        + "|example of (?:that|this|it)|show me (?:an example|how))\\b"));
    GENERIC.put(Kind.WHY, Pattern.compile("^(?:(?:and|but|so|okay|ok|hmm|right) )*why\\b"));
  }

  /** A story prompt is a new question even when it contains a follow-up word ("give me an example of a time ..."). */
  private static final Pattern NEW_STORY = Pattern.compile("\\b(?:tell me about (?:a|something|someone)\\b"
      + "|a time (?:when|you|that)"
      + "|describe a (?:time|situation)|example of (?:a time|when you (?:had|were|did|have|made)))\\b");
  /** Hypotheticals on the answer just given ("what if the table had a billion rows", "what happens when ..."). */
  private static final Pattern HYPOTHETICAL = Pattern.compile(
      "^(?:(?:and|but|so|okay|ok|hmm) )*what (?:if|happens (?:if|when))\\b"
      + "|^(?:and|but|so) (?:if|say)\\b" // "and if the tables had billions of rows"
      // a quantity put as a fragment: "and for a million appointments a day", "and with ten thousand users"
      + "|^(?:and|but|so) (?:for|with|at|under) (?:a |an )?(?:few )?(?:hundred|thousand|million|billion|ten|\\d)");
  /**
   * The question before carried on in a phrase ("and across a daylight saving change", "and with fifty
   * thousand rows in one go", "and redo"); not "and with that ...", which closes a topic.
   */
  private static final Pattern CARRIES_ON = Pattern.compile("^(?:and|but|or|plus) (?:(?:for|with|at|under|across|over"
      + "|without|during) (?!that\\b|this\\b|those\\b|it\\b)|\\w+(?: \\w+)?$)");
  /** Words that point back at the answer just given. */
  private static final Pattern REFERS_BACK = Pattern.compile("\\b(?:it|that|this|them|those|these)\\b"
      + "|\\b(?:use|need|pick|choose|build) one\\b"); // "where would you actually use one"
  /**
   * A pronoun that can only stand for what is on screen: "how would you avoid it in a hot loop",
   * "what would you do with the ones you flag" ({@link #dangles}).
   */
  private static final Pattern STANDS_IN = Pattern.compile("\\b(?:it|it's|its|them|they|their|ones)\\b");
  /** "It" that stands for nothing: "is it safe to ...", "when does it make sense to ...". */
  private static final Pattern EMPTY_IT = Pattern.compile("\\b(?:is|was|isn't|would|will) it (?:ever |really |always )?"
      + "(?:ok|okay|fine|safe|wise|worth|possible|better|best|true|accurate|a good|a bad|bad|enough|necessary"
      + "|hard|easy)\\b"
      + "|\\bit's (?:ok|okay|fine|safe|worth|better|best)\\b"
      + "|\\b(?:does|did|would|will|can) it (?:really )?(?:matter|make sense|mean)\\b"
      + "|\\bit (?:depends|matters|makes sense)\\b|\\bcall it\\b"
      + "|\\b(?:is|was) it that\\b" // "what is it that makes ..."
      + "|\\bif it (?:walks|looks|quacks) like\\b"); // the duck test

  private FollowUpWords() {
  }

  /** The first kind of follow-up whose wording is in the (spoken) words, if any. */
  static Optional<Asked> asked(String spoken) {
    for (Map.Entry<Kind, Pattern> e : GENERIC.entrySet()) {
      java.util.regex.Matcher m = e.getValue().matcher(spoken);
      if (m.find()) {
        String rest = spoken.substring(0, m.start()) + " " + spoken.substring(m.end());
        return Optional.of(new Asked(e.getKey(), TextAnalysis.terms(rest).isEmpty()));
      }
    }
    return Optional.empty();
  }

  /** A hypothetical on the answer just given, or a phrase carrying the question on. */
  static boolean hypothetical(String spoken) {
    return HYPOTHETICAL.matcher(spoken).find() || carriesOn(spoken);
  }

  /** Whether the words point back at the answer just given ("that", "it", "use one"). */
  static boolean refersBack(String spoken) {
    return REFERS_BACK.matcher(spoken).find();
  }

  /** Whether a short question points back at what is on screen: "that", "it", ..., or a hypothetical. */
  static boolean pointsBack(String heard) {
    String t = spoken(heard);
    int words = words(t);
    return words > 0 && words <= FollowUps.MAX_WORDS
        && (REFERS_BACK.matcher(t).find() || HYPOTHETICAL.matcher(t).find() || carriesOn(t));
  }

  /** {@link #CARRIES_ON}, with a word of substance in it ("and thanks" carries nothing on). */
  private static boolean carriesOn(String spoken) {
    return CARRIES_ON.matcher(spoken).find() && !TextAnalysis.terms(spoken).isEmpty();
  }

  /** The words lowered, punctuation but apostrophes taken for spaces, single-spaced. */
  static String spoken(String heard) {
    return heard.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9' ]+", " ").trim()
        .replaceAll("\\s+", " ");
  }

  static int words(String spoken) {
    return spoken.isEmpty() ? 0 : spoken.split(" ").length;
  }

  /**
   * Whether the question's first pronoun has nothing before it that it could stand for, so it
   * stands for what is on screen: no content word before it but the verb or two that govern it
   * ("how would you avoid it", "how would you measure if it's working"). "What is a heap and what
   * is it used for" names its own subject first; "is it safe to ..." uses an "it" that stands for
   * nothing. Chosen on the read follow-up sets (docs/matching.md, "Pronouns with nothing to stand for").
   */
  static boolean dangles(String spoken) {
    java.util.regex.Matcher m = STANDS_IN.matcher(spoken);
    if (!m.find() || EMPTY_IT.matcher(spoken).find()) {
      return false;
    }
    String[] before = spoken.substring(0, m.start()).trim().split(" ");
    String early = String.join(" ", Arrays.copyOfRange(before, 0, Math.max(0, before.length - 2)));
    return TextAnalysis.terms(spoken.substring(0, m.start())).size() <= 1 && TextAnalysis.terms(early).isEmpty();
  }

  /** Whether the words open a new story ("tell me about a time ...") rather than follow one up. */
  static boolean asksNewStory(String heard) {
    return NEW_STORY.matcher(heard.toLowerCase(Locale.ROOT)).find();
  }
}

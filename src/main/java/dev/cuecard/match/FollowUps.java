package dev.cuecard.match;

import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves an interviewer's follow-up against the card on screen: a kind of follow-up asked of any
 * answer ("why?", "how would that scale", "can you give an example", "what would you do
 * differently"), one of the card's own listed follow-ups, or more on the card's topic. The result
 * carries pointers to show inside the current card instead of a new card. Stateless and cheap
 * (a few regular expressions and term sets): safe on an event loop.
 */
public final class FollowUps {

  /** What the follow-up asks for. */
  public enum Kind {
    WHY("Why: give the reason"), SCALE("At scale"), EXAMPLE("A concrete example"),
    DIFFERENTLY("What you would change"), LEARNED("What you learned"), FAILURE("When it fails"),
    TRADEOFFS("Downsides and trade-offs"), ALTERNATIVES("Alternatives"), TESTING("How to test it"),
    DEEPER("Under the hood"), METRICS("The numbers"), ROLE("Your own part"), CHOICE("Your pick, and why"),
    HARDEST("The hardest part"), FIRST("Where you would start"),
    LISTED("Likely follow-up"),
    TOPIC("More on this card");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A resolved follow-up: its kind, the card's listed follow-up it matched (or null), and pointers. */
  public record FollowUp(Kind kind, String listed, List<String> pointers, Card linked) {
    public JsonObject toJson() {
      JsonObject o = new JsonObject().put("kind", kind.name().toLowerCase(Locale.ROOT)).put("label", kind.label())
          .put("pointers", new JsonArray(pointers));
      if (listed != null) {
        o.put("listed", listed);
      }
      if (linked != null) {
        o.put("linked", new JsonObject().put("id", linked.id()).put("question", linked.question()));
      }
      return o;
    }
  }

  /** A snippet the detector does not call a question may still be a follow-up when this short ("for example"). */
  static final int FRAGMENT_WORDS = 4;
  /** A question this short that points back ("how do you make it idempotent") and touches the card is about it. */
  static final int SHORT_WORDS = 10;
  /**
   * The share of a question's IDF-weighted content words that must belong to the card for it to
   * be about the card. 0.34-0.5 measure the same on the dev sets; 0.45 keeps "what does the
   * ellipsis object do in python" (0.41) off the select/prefetch card and "how would you spot an
   * n plus one problem in the first place" (0.47) on it.
   */
  static final double TOUCH_SHARE = 0.45;
  /** A follow-up is short: beyond this many words it is taken to be a question of its own. */
  static final int MAX_WORDS = 16;
  /** A generic follow-up that names this much of another card confidently is that card's question instead. */
  static final double NEW_QUESTION = 0.75;

  private static final Map<Kind, List<String>> STORY_POINTERS = Map.of(
      Kind.WHY, List.of("The goal or constraint that drove the decision", "What you weighed it against"),
      Kind.DIFFERENTLY, List.of("One concrete change, not a list",
          "Why it would have helped, with the signal you missed"),
      Kind.METRICS, List.of("Before and after numbers (time, errors, money, users)", "How you measured them"));
  private static final Map<Kind, List<String>> POINTERS = Map.ofEntries(
      Map.entry(Kind.WHY, List.of("The problem it solves, in one sentence", "What goes wrong without it")),
      Map.entry(Kind.SCALE, List.of("Name the first bottleneck (database, memory, network)",
          "Indexes, caching, batching, then partitioning or sharding", "What you would measure first")),
      Map.entry(Kind.EXAMPLE, List.of("One concrete case from a project, with the names of real things",
          "What happened before and after")),
      Map.entry(Kind.DIFFERENTLY, List.of("One concrete change", "What you would measure to know it helped")),
      Map.entry(Kind.LEARNED, List.of("The lesson in one sentence", "Where you have applied it since")),
      Map.entry(Kind.FAILURE, List.of("What breaks and who notices", "Timeouts, retries with backoff, a fallback",
          "How it recovers and whether data can be lost")),
      Map.entry(Kind.TRADEOFFS, List.of("The cost: complexity, speed, memory or consistency",
          "When you would not use it")),
      Map.entry(Kind.ALTERNATIVES, List.of("One or two alternatives by name", "When each one wins")),
      Map.entry(Kind.TESTING, List.of("A fast unit test of the logic", "One integration test with the real dependency",
          "The failure case you would test")),
      Map.entry(Kind.DEEPER, List.of("The mechanism step by step", "The data structure or protocol underneath")),
      Map.entry(Kind.METRICS, List.of("Before and after numbers", "How you measured them")),
      Map.entry(Kind.ROLE, List.of("What you did yourself: say 'I'", "Decisions you made and what others did")),
      Map.entry(Kind.CHOICE, List.of("Pick one for this case; do not sit on the fence",
          "The one reason that decides it")),
      Map.entry(Kind.HARDEST, List.of("Name the one hardest thing, concretely",
          "What made it hard, and how you got past it")),
      Map.entry(Kind.FIRST, List.of("The first thing you would do, and why it comes first",
          "What you would leave for later")),
      Map.entry(Kind.LISTED, List.of("Answer it directly, then tie it back to the main answer")),
      Map.entry(Kind.TOPIC, List.of("Answer it directly, then tie it back to the main answer")));

  private FollowUps() {
  }

  /**
   * The follow-up this question is to the card on screen, if any: one of the card's listed
   * follow-ups by wording, or a generic follow-up (unless it confidently names another card, or is
   * a story prompt, or too long to be one).
   */
  public static Optional<FollowUp> resolve(String heard, Card onScreen, Matcher lexical) {
    return resolve(heard, QuestionDetector.asks(heard), onScreen, lexical);
  }

  /** {@link #resolve(String, Card, Matcher)} for a caller that has already asked the question detector. */
  static Optional<FollowUp> resolve(String heard, boolean question, Card onScreen, Matcher lexical) {
    if (onScreen == null) {
      return Optional.empty();
    }
    String t = FollowUpWords.spoken(heard);
    int words = FollowUpWords.words(t);
    // "and if the tables had billions of rows" asks, though it is no question by itself
    boolean hypothetical = FollowUpWords.hypothetical(t);
    // small talk by its words ("is this still a good time for you") follows nothing up, whatever it
    // shares with the card
    if (words == 0 || words > MAX_WORDS || (!question && !hypothetical && words > FRAGMENT_WORDS)
        || Fallback.smallTalk(heard)) {
      return Optional.empty();
    }
    String listed = listed(heard, onScreen, lexical);
    if (listed != null) {
      Card linked = linkedCard(listed, onScreen, lexical);
      List<String> pointers = linked != null ? points(linked, 3) : relevantPoints(listed, onScreen, 3);
      return Optional.of(new FollowUp(Kind.LISTED, listed, pointers.isEmpty() ? POINTERS.get(Kind.LISTED) : pointers,
          linked));
    }
    if (FollowUpWords.asksNewStory(t)) {
      return Optional.empty();
    }
    boolean refersBack = FollowUpWords.refersBack(t) || hypothetical;
    Optional<FollowUpWords.Asked> asked = FollowUpWords.asked(t);
    if (asked.isPresent()) {
      // "why do you want to work here" asks a card of its own; "why is that" or "what if ..." does not,
      // nor does a follow-up with no word besides its own ("can you show me an example")
      return refersBack || asked.get().bare() || otherCard(heard, onScreen, lexical) < NEW_QUESTION
          ? Optional.of(generic(asked.get().kind(), heard, onScreen)) : Optional.empty();
    }
    if (question && FollowUpWords.dangles(t)) {
      // about what is on screen, whatever card its own words bring: that one is one click away
      return Optional.of(topic(heard, onScreen, linkedCard(heard, onScreen, lexical)));
    }
    // a short question back on the card's words; a remark ("great, that makes sense") is none
    if (refersBack && (question || hypothetical)) {
      double other = otherCard(heard, onScreen, lexical);
      boolean onItsWords = words <= SHORT_WORDS && touches(heard, onScreen, lexical);
      // a short hypothetical ("what if two people book the same slot") is about the answer just given,
      // unless its words bring any card at all, even unsurely: "what happens when you type a url into a
      // browser" is a question of its own
      boolean shortHypothetical = words <= SHORT_WORDS && hypothetical;
      if ((onItsWords && other < NEW_QUESTION) || (shortHypothetical && other < lexical.threshold())) {
        return Optional.of(topic(heard, onScreen));
      }
    }
    return Optional.empty();
  }

  /**
   * How surely the words bring a card other than the one on screen (0 when they bring none or that
   * one): {@link #NEW_QUESTION} or more names it confidently. Scored only when a follow-up pattern matched.
   */
  private static double otherCard(String heard, Card onScreen, Matcher lexical) {
    List<Match> other = lexical.top(heard, 1);
    return other.isEmpty() || other.get(0).card().id().equals(onScreen.id()) ? 0 : other.get(0).score();
  }

  /**
   * Whether most of what the question says, weighting each content word by how rare it is in the
   * bank, belongs to the card: "and prefetch related" touches the select/prefetch card, "what does
   * the ellipsis object do in python" does not, though "object" and "python" are on it too.
   */
  public static boolean touches(String heard, Card card, Matcher lexical) {
    return lexical.weighs(new HashSet<>(TextAnalysis.terms(heard)), lexical.followUpTerms(card).vocabulary()::contains,
        TOUCH_SHARE);
  }

  /** A question about the card's own topic (its nearest card is the one on screen), with its closest points. */
  public static FollowUp topic(String heard, Card onScreen) {
    return topic(heard, onScreen, null);
  }

  /** {@link #topic(String, Card)} with a bank card that may answer it, one click away ({@code linked}, or null). */
  static FollowUp topic(String heard, Card onScreen, Card linked) {
    List<String> pointers = relevantPoints(heard, onScreen, 3);
    return new FollowUp(Kind.TOPIC, null, pointers.isEmpty() ? POINTERS.get(Kind.TOPIC) : pointers, linked);
  }

  private static FollowUp generic(Kind kind, String heard, Card card) {
    boolean story = card.framework().isStory();
    List<String> pointers = new ArrayList<>(story && STORY_POINTERS.containsKey(kind) ? STORY_POINTERS.get(kind)
        : POINTERS.get(kind));
    // the card's own points that the follow-up's words touch come first
    List<String> own = relevantPoints(heard, card, 2);
    pointers.addAll(0, own);
    return new FollowUp(kind, null, List.copyOf(pointers), null);
  }

  /** A card's analysed words, for follow-ups: each listed follow-up's terms, and all the card's terms. */
  record CardTerms(List<Set<String>> followUps, Set<String> vocabulary) {
    static CardTerms of(Card card) {
      List<Set<String>> listed = card.followUps().stream().map(f -> Set.copyOf(TextAnalysis.terms(f))).toList();
      Set<String> vocabulary = new HashSet<>(TextAnalysis.terms(card.question() + " " + String.join(" ", card.aliases())
          + " " + String.join(" ", card.tags()) + " " + String.join(" ", card.followUps())));
      for (Card.KeyPoint k : card.keyPoints()) {
        vocabulary.addAll(TextAnalysis.terms(k.text() + " " + String.join(" ", k.terms())));
      }
      return new CardTerms(listed, Set.copyOf(vocabulary));
    }
  }

  /** The card's listed follow-up the question words most like (60% of its content words, at least two), or null. */
  static String listed(String heard, Card card, Matcher lexical) {
    Set<String> said = new HashSet<>(TextAnalysis.terms(heard));
    List<Set<String>> listedTerms = lexical.followUpTerms(card).followUps();
    String best = null;
    double bestShare = 0;
    for (int i = 0; i < listedTerms.size(); i++) {
      String f = card.followUps().get(i);
      Set<String> terms = listedTerms.get(i);
      long hit = terms.stream().filter(said::contains).count();
      double share = terms.isEmpty() ? 0 : (double) hit / terms.size();
      if (hit >= 2 && share >= 0.6 && share > bestShare) {
        best = f;
        bestShare = share;
      }
    }
    return best;
  }

  /** The bank card that answers a listed follow-up, when one does confidently (not the card itself). */
  private static Card linkedCard(String listed, Card onScreen, Matcher lexical) {
    List<Match> m = lexical.top(listed, 1);
    return !m.isEmpty() && m.get(0).score() >= lexical.threshold() && !m.get(0).card().id().equals(onScreen.id())
        ? m.get(0).card() : null;
  }

  private static List<String> points(Card card, int limit) {
    return card.keyPoints().stream().limit(limit).map(Card.KeyPoint::text).toList();
  }

  /** The card's key points sharing content words with the text, most shared first. */
  private static List<String> relevantPoints(String text, Card card, int limit) {
    Set<String> said = new HashSet<>(TextAnalysis.terms(text));
    List<Map.Entry<String, Integer>> scored = new ArrayList<>();
    for (Card.KeyPoint k : card.keyPoints()) {
      Set<String> terms = new HashSet<>(TextAnalysis.terms(k.text() + " " + String.join(" ", k.terms())));
      int hit = (int) terms.stream().filter(said::contains).count();
      if (hit > 0) {
        scored.add(Map.entry(k.text(), hit));
      }
    }
    scored.sort((a, b) -> b.getValue() - a.getValue());
    return scored.stream().limit(limit).map(Map.Entry::getKey).toList();
  }
}

package dev.cuecard.match;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether interviewer speech asks for an answer. Spoken text arrives lower-case and
 * unpunctuated, so this looks for interrogative openings (after fillers such as "so", "um",
 * "okay"), interrogative clauses anywhere ("... and how does X work", a question put after its
 * setting: "we store attributes per category should we use a json field"), and imperative prompts
 * ("tell me about", "walk me through", "explain"), a written question's later sentence that opens
 * with one ("Time management matters. Give an example of ..."), and a problem stated in the present
 * tense ("the celery queue keeps growing"). Other statements never qualify.
 */
public final class QuestionDetector {

  private static final Set<String> LEADING_FILLERS = Set.of(
      "so", "um", "umm", "uh", "uhh", "er", "erm", "hmm", "okay", "ok", "alright", "right", "and", "now",
      "well", "great", "cool", "good", "nice", "thanks", "thank", "you", "perfect", "next", "then", "also",
      "like", "yeah", "sure", "anyway", "moving", "on", "let's", "lets", "see", "just", "maybe", "quickly",
      "last", "first", "another", "one", "question", "topic", "follow", "up", "followup", "kind", "of", "alright.");

  /**
   * Interrogatives and prompt verbs: they open a question at the start of the text and also as a
   * later sentence of a written one, after its setting ("Time management matters. Give an example
   * of ...").
   */
  private static final Set<String> SENTENCE_OPENERS = Set.of(
      "what", "what's", "whats", "why", "how", "how's", "when", "where", "which", "who", "whose",
      "explain", "describe", "tell", "walk", "talk", "give", "share", "compare", "define", "list", "name",
      "imagine", "suppose", "outline", "sketch", "summarise", "summarize",
      // written prompts, as question lists put them: "differentiate between HttpResponse and JsonResponse"
      "differentiate", "distinguish", "contrast", "discuss", "elaborate", "illustrate", "clarify", "mention", "provide",
      // a case to be made after its setting: "... in two weeks. Argue for or against Django."
      "argue", "justify");

  /**
   * What opens a question at the start of the text: those, and openers that also open statements
   * ("will", "is", "check"), which a later sentence may not.
   */
  private static final Set<String> OPENERS = Stream.concat(SENTENCE_OPENERS.stream(), Stream.of(
      "can", "could", "would", "will", "do", "does", "did", "is", "are", "was", "were", "have", "has",
      "should", "shall", "say", "design", "implement", "write", "debug", "create",
      // coding-exercise prompts: "given a list of numbers ...", "find the ...", "reverse a linked list"
      "given", "find", "reverse", "sort", "merge", "count", "detect", "validate", "check", "build",
      // prompts that ask for a case to be made or a picture drawn (with "outline", "sketch", "summarise" above)
      "convince", "persuade", "picture", "pretend"))
      .collect(Collectors.toUnmodifiableSet());

  /** Where a written text's next sentence starts. */
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!;:])\\s+");

  private static final Pattern CLAUSE = Pattern.compile(
      "\\b(?:what|how|why|when|where|which|who)(?:'s)?\\s+(?:is|are|was|were|does|do|did|would|could|should|can|"
          + "will|happens|happened|happening|going|went|makes|made|kind|kinds|type|types|exactly|about|if|the|a|an|"
          + "django|python|many|much|long|often)\\b"
          // a question about a cause or a guard: "what stops it running on other people's pages"
          + "|(?<!\\b(?:is|that's|thats|exactly)\\s)\\bwhat\\s+(?:stops|prevents|causes|decides|determines|triggers|protects)\\b"
          // an interrogative after a preposition: "so at what point does a queryset hit the database"
          + "|\\b(?:at|to|in|for|under)\\s+what\\s+(?:point|extent|way|ways|order|case|cases|situations?|"
          + "circumstances|conditions|scenarios?|reason)\\b"
          + "|\\b(?:can|could|would|will|do|did|have)\\s+you\\b"
          // a question put after its setting: "... should we use a json field", "... will it help a query on
          // first name"; not a stutter ("we should we should"), and not "is it" or "does it", which statements
          // use ("the problem is it doesn't scale", "django does it for you")
          + "|(?<!\\b(?:i|we)\\s)\\b(?:should|shall|can|could)\\s+(?:i|we)\\s+\\w+\\s+\\w"
          + "|(?<!\\bit\\s)\\b(?:will|would)\\s+it\\s+\\w+\\s+\\w"
          + "|(?<!\\b(?:i|we)\\s)\\bdo\\s+(?:i|we)\\s+\\w+\\s+\\w"
          // "... what's that called", "... what's your general strategy"
          + "|\\bwhat(?:'s|s)\\s+(?:your|that|this|it)\\b"
          + "|\\b(?:tell|walk|talk|take|run)\\s+(?:me|us)\\b"
          // a task set after its setting: "you get a list of integers, find me a pair that sums to the target"
          // (not a statement of what something did: "the script would find me a few")
          + "|(?<!\\b(?:would|will|could|can|to|it|that|which|they|he|she)\\s)"
          + "\\b(?:find|write|build|show|sketch|implement|code)\\s+(?:me|us)\\s+(?:a|an|the|how|some)\\b"
          // a coding task said after its input: "given a list of numbers and a target, return the two that add up"
          + "|\\bgiven\\s+(?:a|an|two|three|some|n|k)\\s+[^.?!]*?\\b(?:find|return|check|determine|compute|count|"
          + "print|output|validate|merge|sort|reverse|remove|group|detect)\\b"
          // a yes-or-no question put after its subject: "python is interpreted, is that accurate", "an
          // iterable and an iterator, are they the same thing", "does the order matter"
          + "|\\b(?:is|are)\\s+(?:that|this|it|they|those|these|the\\s+two)\\s+(?:really\\s+)?(?:the\\s+same|"
          + "different|true|accurate|correct|fair|a\\s+good\\s+idea|a\\s+bad\\s+idea|safe|possible|related)\\b"
          + "|\\b(?:does|do)\\s+(?:that|it|this|they|the\\s+order)\\s+(?:really\\s+)?(?:matter|make\\s+sense)\\b"
          // an interviewer's closing offer: "anything you'd like to ask us", "any questions for me"
          + "|\\banything\\s+(?:else\\s+)?you(?:'d|\\s+would)?\\s+(?:like|want)\\s+to\\s+(?:ask|know|add)\\b"
          + "|\\bany\\s+questions\\s+for\\s+(?:me|us)\\b"
          + "|\\b(?:explain|describe|compare)\\b"
          + "|\\bdifference\\s+between\\b"
          + "|\\bgive\\s+(?:me|us)\\s+an?\\b"
          + "|\\bi'?d\\s+(?:like|love)\\s+to\\s+(?:hear|know|understand)\\b"
          + "|\\b(?:share|think\\s+of)\\s+(?:a|an)\\s+(?:time|example|situation)\\b"
          // "what else ...", and a conditional that asks: "if i append to a list ... does the caller see it"
          + "|\\b(?:what|how|why|where|who)\\s+else\\b"
          // "dates are an hour off how come", "offset pagination gets slow what instead"
          + "|\\bhow\\s+come\\b|\\bwhat\\s+(?:instead|now|then|next)\\s*$"
          + "|^(?:\\w+\\s+){0,2}if\\b.*\\b(?:does|do|is|are|will|would|can|could|should)\\s+"
          + "(?:the|it|that|this|they|you|i|we)\\b");

  /**
   * A problem put to the candidate as a statement ("the celery queue keeps growing and nothing gets
   * processed", "css isn't loading once debug is off"): something slow, failing, wrong or stuck,
   * said in the present tense. In an interview that is a question: what would you do?
   */
  private static final Pattern PROBLEM = Pattern.compile(
      "\\b(?:slow|slower|slowly|times?\\s+out|timing\\s+out|timeouts?|fails?|failing|crash(?:es|ing)?|hangs?|"
          + "hanging|bottleneck|leak(?:s|ing)?|stuck|piling\\s+up|keeps?\\s+\\w+ing|(?:server|an?)\\s+error|five\\s+hundred|broken|"
          + "breaks|wrong|off\\s+by|duplicates?|duplicated|logged\\s+out|out\\s+of\\s+memory|runs?\\s+out|"
          + "overwhelm\\w*|deadlocks?|randomly|intermittent\\w*|flaky)\\b"
          + "|\\b(?:is|are|does|do|wo|ca)n'?t\\s+(?:work|load|start|show|run|connect|sav|updat|send)\\w*");
  /** A story of the past told by the interviewer ("we had an outage last month") asks nothing by itself. */
  private static final Pattern PAST = Pattern.compile(
      "\\b(?:had|was|were|ago|used\\s+to|bit\\s+us|last\\s+(?:week|month|quarter|year|time))\\b");
  /** A problem named as the listener's diagnosis of what was said ("sounds like a memory leak"): a remark. */
  private static final Pattern DIAGNOSIS = Pattern.compile("^(?:\\W*(?:so|okay|ok|hmm|mm|ah|right)\\W+)*"
      + "(?:sounds|looks|seems)\\s+like\\b");
  private static final Pattern COMPARISON = Pattern.compile("\\b(?:versus|vs|or)\\b");
  /** "versus" says comparison more surely than "or", so it may take a longer sentence. */
  private static final Pattern VERSUS = Pattern.compile("\\b(?:versus|vs)\\b");
  private static final Set<String> TRAILING = Set.of("why", "how", "right", "when", "which");

  private QuestionDetector() {
  }

  /** Certainty of a question that opens with an interrogative or imperative, or carries a question mark. */
  public static final double OPENING = 1.0;
  /** Certainty of a question found by an interrogative clause inside the sentence. */
  public static final double CLAUSE_INSIDE = 0.75;
  /** Certainty of a short spoken comparison or a trailing "why". */
  public static final double WEAK = 0.5;
  /**
   * Certainty of a problem stated in the present tense: it asks about the problem when a card
   * answers it surely, and is otherwise a remark ("sorry, my connection keeps dropping"): no
   * fallback, no follow-up ({@link #asks}).
   */
  public static final double PROBLEM_STATED = 0.25;

  /** Whether the text may ask for a card: a question, or a problem stated that a card may answer. */
  public static boolean isQuestion(String text) {
    return certainty(text) > 0;
  }

  /** Whether the text asks something outright: a question that gets a fallback or a follow-up when no card is sure. */
  public static boolean asks(String text) {
    return asks(certainty(text));
  }

  /** {@link #asks(String)} for a caller that already has the text's {@link #certainty}. */
  public static boolean asks(double certainty) {
    return certainty > PROBLEM_STATED;
  }

  /**
   * How surely the text asks something: {@link #OPENING}, {@link #CLAUSE_INSIDE}, {@link #WEAK},
   * {@link #PROBLEM_STATED}, or 0 for a statement. The cue decision asks less of a card's score when this is high.
   */
  public static double certainty(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    String t = lowered(text);
    if (t.indexOf('?') >= 0) {
      return OPENING;
    }
    String[] words = words(t);
    if (opensAsking(words) || asksAfterAHeading(t)) {
      return OPENING;
    }
    if (CLAUSE.matcher(t).find() || asksInALaterSentence(t)) {
      return CLAUSE_INSIDE;
    }
    // short spoken comparisons ("redis or memcached", "sql versus nosql") and a trailing "why"
    int n = words.length;
    if ((n <= 10 && COMPARISON.matcher(t).find()) || (n <= 16 && VERSUS.matcher(t).find())) {
      return WEAK;
    }
    if (n >= 3 && TRAILING.contains(words[n - 1])) {
      return WEAK;
    }
    return n >= 5 && PROBLEM.matcher(t).find() && !PAST.matcher(t).find() && !DIAGNOSIS.matcher(t).find()
        ? PROBLEM_STATED : 0;
  }

  /**
   * A task under a short heading, as written lists and typed notes put coding problems ("Rate limiter:
   * implement a token bucket", "Word break: given a string and a dictionary, ..."): what follows the
   * heading's colon opens as a question would open the text ({@link #OPENERS}).
   */
  private static boolean asksAfterAHeading(String lowered) {
    java.util.regex.Matcher m = HEADING.matcher(lowered);
    if (!m.find()) {
      return false;
    }
    return opensAsking(words(lowered.substring(m.end())));
  }

  /** Whether the words open with one of the {@link #OPENERS} or a {@link #STORY_PROMPT}, after any {@link #LEADING_FILLERS}. */
  private static boolean opensAsking(String[] words) {
    int i = leadingFillers(words);
    return i < words.length && (OPENERS.contains(words[i]) || asksForAStory(words, i));
  }

  /**
   * A behavioural prompt cut to its subject, as interviewers clip it and question lists write it:
   * "a time when you disagreed with your manager", "time you went above and beyond", "another
   * situation where you had to push back". Not after "last", "next" or "this" ("last time you
   * mentioned caching" recalls something said).
   */
  private static final Pattern STORY_PROMPT =
      Pattern.compile("^(?:an?\\s+)?(?:time|situation|occasion)\\s+(?:(?:when|where|that|in\\s+which)\\s+)?(?:you|your)\\b");
  private static final Set<String> RECALLING = Set.of("last", "next", "this");

  private static boolean asksForAStory(String[] words, int start) {
    if (start > 0 && RECALLING.contains(words[start - 1])) {
      return false;
    }
    return STORY_PROMPT.matcher(String.join(" ", Arrays.copyOfRange(words, start, words.length))).find();
  }

  /** A heading of one to six words that ends in a colon, at the start of the text. */
  private static final Pattern HEADING = Pattern.compile("^\\W*(?:[\\w'()/+-]+\\s+){0,5}[\\w'()/+-]+\\s*:\\s+");

  /** Whether a sentence after the first opens with an interrogative or a prompt ({@link #SENTENCE_OPENERS}). */
  private static boolean asksInALaterSentence(String lowered) {
    String[] sentences = SENTENCE_BREAK.split(lowered);
    for (int i = 1; i < sentences.length; i++) {
      String[] w = words(sentences[i]);
      if (w.length > 0 && SENTENCE_OPENERS.contains(w[0])) {
        return true;
      }
    }
    return false;
  }

  private static String lowered(String text) {
    return text.toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  /** A lowered text's words, punctuation other than apostrophes taken for spaces. */
  private static String[] words(String lowered) {
    return lowered.replaceAll("[^a-z0-9' ]+", " ").trim().split("\\s+");
  }

  /**
   * Words that make a short snippet a remark about something rather than a topic named: pronouns,
   * verbs of being and replies; a judgement of what was heard ("sounds like a memory leak", "the
   * usual n plus one"); and a topic heard before ("docker again").
   */
  private static final Set<String> REMARK = Set.of("i", "i'm", "i've", "we", "we're", "we've", "you", "you're",
      "it", "it's", "that", "that's", "this", "they", "he", "she", "there", "there's", "is", "are", "was", "were",
      "be", "been", "not", "no", "yes", "yeah", "sure", "sorry", "thanks", "thank", "my", "our", "your",
      "sounds", "looks", "seems", "probably", "mostly", "usual", "typical", "again");

  /**
   * A listener's reactions, anywhere in a short snippet ("mm, optimistic locking", "uh huh, read
   * replicas", "ah, the mutable default argument"): it answers what was just said. Hesitation before
   * speaking ("um", "uh", "er") is no reaction: "um, python decorators" names a topic.
   */
  private static final Set<String> REACTION = Set.of("hmm", "hmmm", "mm", "mmm", "mhm", "huh", "ah", "oh", "aha",
      "yep", "yup", "fine", "got");

  /** Last words that make a topic named a conclusion on what was said ("okay, soft deletes then", "kubernetes as well"). */
  private static final Pattern CONCLUDES = Pattern.compile("\\b(?:then|too|here|instead|as\\s+well|these\\s+days)$");

  /**
   * Praise and assent, anywhere in a short snippet: it answers what was just said ("good, the n
   * plus one problem", "interesting, django signals") rather than naming the next topic; "right"
   * and "exactly" only as the first word and not as part of a term ("right, csrf tokens" and
   * "exactly, optimistic locking" are remarks; "left and right joins", "right outer joins" and
   * "exactly once delivery" are topics), and "solid" not at all ("solid principles"). "next"
   * outweighs them all: "great, next, database indexing" names the next topic.
   */
  private static final Set<String> ASSENT = Set.of("nice", "good", "great", "cool", "interesting", "thorough",
      "fair", "lovely", "perfect", "excellent", "brilliant", "awesome", "impressive", "neat", "clever", "thanks",
      "thank", "agreed", "noted");

  /**
   * Whether a snippet that asks nothing only names a topic ("okay, top k frequent elements", "next,
   * database indexing"): two to seven words after the fillers (one after "next"), none of them a
   * pronoun, a verb of being, a reply or a judgement ({@link #REMARK}), and no {@link #ASSENT},
   * {@link #REACTION} or concluding last words ({@link #CONCLUDES}) unless "next" comes with it. The cue decision gives it
   * a card only when its words are sure of one.
   */
  public static boolean bareTopic(String text) {
    return text != null && bareTopic(text, certainty(text));
  }

  /** {@link #bareTopic(String)} for a caller that already has the text's {@link #certainty}. */
  public static boolean bareTopic(String text, double certainty) {
    return bareTopic(text, certainty, false);
  }

  private static boolean bareTopic(String text, double certainty, boolean typed) {
    if (certainty > 0 || text.isBlank()) {
      return false;
    }
    String[] words = words(lowered(text));
    int start = leadingFillers(words);
    int n = words.length - start;
    List<String> all = Arrays.asList(words);
    boolean next = all.contains("next");
    // "next, generators" names one; one word said alone is no topic named, but typed alone it is what the typist asks
    if (n < (next || typed ? 1 : 2) || n > 7) {
      return false;
    }
    for (int i = start; i < words.length; i++) {
      if (REMARK.contains(words[i])) {
        return false;
      }
    }
    return next || (all.stream().noneMatch(ASSENT::contains) && all.stream().noneMatch(REACTION::contains)
        && !opensWithAssent(words) && !CONCLUDES.matcher(String.join(" ", words)).find());
  }

  /**
   * A typed snippet as the cue decision reads it: one that names a topic alone ({@link #bareTopic})
   * asks for it, with the question mark a typist leaves off ("mixins in python" → "mixins in
   * python?"). Spoken, the same words are as often a remark on the answer; typed into the overlay,
   * they are what its user wants a card for, one word alone too ("generators"). Anything else as typed.
   */
  public static String asTyped(String text) {
    return text != null && bareTopic(text, certainty(text), true) ? text.strip() + "?" : text;
  }

  /**
   * The topic a snippet names, without the fillers that lead to it: "next topic, the global
   * interpreter lock" names "the global interpreter lock" (its words are what a card should match;
   * "let's see" or "next topic" would only dilute them).
   */
  public static String topicNamed(String text) {
    String lowered = lowered(text);
    String[] words = words(lowered);
    int start = Math.min(leadingFillers(words), words.length - 1); // a topic keeps one word at least
    if (start <= 0) {
      return text;
    }
    // the text after its first {@code start} words, as said: "okay, __del__ method issues" keeps its underscores
    // (and its case, unless lowering changed the text's length)
    java.util.regex.Matcher word = WORD.matcher(lowered);
    for (int i = 0; i < start; i++) {
      if (!word.find()) {
        return text;
      }
    }
    String as = lowered.length() == text.length() ? text : lowered;
    return as.substring(word.end()).replaceFirst("^[\\s,.;:!-]+", "");
  }

  /** A word as {@link #words} splits them: a run of letters, digits and apostrophes. */
  private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

  /** How many of the words open the text as {@link #LEADING_FILLERS} ("okay so next topic, ..."). */
  private static int leadingFillers(String[] words) {
    int n = 0;
    while (n < words.length && LEADING_FILLERS.contains(words[n])) {
      n++;
    }
    return n;
  }

  /** Assent that counts only opening a snippet ({@link #ASSENT}). */
  private static final Set<String> OPENING_ASSENT = Set.of("right", "exactly");
  /** Words after an {@link #OPENING_ASSENT} that make the two a term ("right joins", "exactly once"). */
  private static final Set<String> TERM_AFTER_ASSENT = Set.of("once", "join", "joins", "outer");

  /** "right" or "exactly" opening a snippet, not as the first word of a term ("right joins", "exactly once"). */
  private static boolean opensWithAssent(String[] words) {
    return words.length > 1 && OPENING_ASSENT.contains(words[0]) && !TERM_AFTER_ASSENT.contains(words[1]);
  }

  /** Where a question of two parts divides: after a question mark or full stop, or before "and" and a question word. */
  private static final Pattern PARTS = Pattern.compile(
      "(?<=[?.;])\\s+(?=\\S)|,?\\s+(?:and|also|plus)\\s+(?=(?:how|what|why|when|where|which|who|can|could|would|do|does|is|are|should|explain|describe|give|name|list)\\b)",
      Pattern.CASE_INSENSITIVE);

  /** The most parts a question is split into: each costs an embedding, and a long run-on snippet must not cost many. */
  static final int MAX_PARTS = 3;

  /**
   * The parts of a question of two or more ("what is X, and how does Y work"), in order, at most
   * {@link #MAX_PARTS}; empty for a question of one part.
   */
  static List<String> parts(String text) {
    List<String> parts = Arrays.stream(PARTS.split(text.trim())).map(String::trim).filter(s -> !s.isEmpty())
        .limit(MAX_PARTS).toList();
    return parts.size() < 2 ? List.of() : parts;
  }
}

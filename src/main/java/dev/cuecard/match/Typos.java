package dev.cuecard.match;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Slips of the keyboard in a typed snippet ("what is chache", "how do you add sequrity"). A typed
 * word that is not a word (neither in any card's text nor a whole word of the sentence encoder's
 * 30,000-entry English vocabulary), whose stem no card holds either, and that is one edit away (a
 * letter left out, added, changed, or two swapped) from exactly one word of the cards' text, is
 * read as that word. A real word is never changed ("water" is not "later", "glass" not "class"),
 * nor an inflection of a card's word ("sharded"), nor a word shorter than {@link #MIN_LENGTH}
 * letters, nor one with two candidates. Only typed text gets this: a recogniser writes real words.
 * Without the encoder's vocabulary on the classpath nothing is changed. Immutable and thread-safe.
 */
public final class Typos {
  private static final Logger LOG = Logger.getLogger(Typos.class.getName());
  /** Shorter words are left as typed. */
  static final int MIN_LENGTH = 5;
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

  private final Set<String> bankWords;
  private final Set<String> bankStems;
  /** The encoder's English words, read (once per process) when the first reader is made. */
  private final Set<String> english;

  private Typos(Set<String> bankWords, Set<String> bankStems) {
    this.bankWords = Set.copyOf(bankWords);
    this.bankStems = Set.copyOf(bankStems);
    this.english = English.WORDS;
  }

  /**
   * The words of every card's question, phrasings, answer, key points, follow-ups, reminders and tags.
   * Made where the bank is loaded (off the event loop), which also reads the encoder's vocabulary
   * there: read on a room's first typed snippet instead, it blocked the event loop for over 500 ms.
   */
  public static Typos of(Bank bank) {
    Set<String> words = new HashSet<>();
    for (Card c : bank.cards()) {
      Stream.of(Stream.of(c.question(), c.answer(), c.clarify()), each(c.aliases()), each(c.followUps()),
              each(c.reminders()), each(c.tags()),
              each(c.keyPoints()).flatMap(k -> Stream.concat(Stream.of(k.text()), each(k.terms()))))
          .flatMap(s -> s)
          .forEach(text -> addWords(text, words));
    }
    // the stems, in one pass of the analysis over all the words (a multi-word synonym may join two
    // neighbours into one more term, which only leaves more words as typed)
    Set<String> stems = new HashSet<>(TextAnalysis.terms(String.join("\n", words)));
    return new Typos(words, stems);
  }

  private static <T> Stream<T> each(List<T> list) {
    return list == null ? Stream.empty() : list.stream();
  }

  private static void addWords(String text, Set<String> into) {
    if (text == null) {
      return;
    }
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      into.add(m.group().toLowerCase(Locale.ROOT));
    }
  }

  /** The text with each slip replaced by the one word it was meant to be; otherwise the text as typed. */
  public String correct(String typed) {
    if (typed == null || typed.isEmpty() || english.isEmpty()) {
      return typed;
    }
    return WORD.matcher(typed).replaceAll(m -> Matcher.quoteReplacement(meant(m.group())));
  }

  /**
   * A typed snippet as the room reads it, and {@code eval --typed} with it: slips of the keyboard
   * read as the words meant ({@link #correct}), then a topic named alone asked as a question
   * ({@link QuestionDetector#asTyped}).
   */
  public String asTyped(String typed) {
    return QuestionDetector.asTyped(correct(typed));
  }

  /** The cards' word a typed word was meant to be, or the word itself. */
  String meant(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < MIN_LENGTH || bankWords.contains(w) || english.contains(w)) {
      return word;
    }
    List<String> stems = TextAnalysis.terms(w);
    if (stems.isEmpty() || bankStems.containsAll(stems)) {
      return word; // a stop word, or another form of a word the cards use
    }
    String only = null;
    for (String candidate : oneEditAway(w)) {
      if (bankWords.contains(candidate)) {
        if (only != null) {
          return word; // two words it might have been: leave it
        }
        only = candidate;
      }
    }
    return only == null ? word : only;
  }

  /** Every other string one deletion, transposition, substitution or insertion away. */
  private static Set<String> oneEditAway(String w) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i <= w.length(); i++) {
      String head = w.substring(0, i);
      String tail = w.substring(i);
      if (!tail.isEmpty()) {
        out.add(head + tail.substring(1));
      }
      if (tail.length() > 1) {
        out.add(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2));
      }
      for (char c : LETTERS) {
        if (!tail.isEmpty()) {
          out.add(head + c + tail.substring(1));
        }
        out.add(head + c + tail);
      }
    }
    out.remove(w);
    return out;
  }

  /** The whole words (letters only, not word pieces) of the sentence encoder's vocabulary, read once. */
  private static final class English {
    static final Set<String> WORDS = load();

    private static Set<String> load() {
      try (InputStream in = Typos.class.getResourceAsStream(Embedder.TOKENIZER)) {
        if (in == null) {
          LOG.warning(Embedder.TOKENIZER + " is missing: typed words are taken as typed");
          return Set.of();
        }
        JsonObject vocab = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .getJsonObject("model").getJsonObject("vocab");
        Set<String> words = new HashSet<>();
        for (String token : vocab.fieldNames()) {
          if (token.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
            words.add(token);
          }
        }
        return Set.copyOf(words);
      } catch (IOException | RuntimeException e) {
        LOG.warning("cannot read the encoder's vocabulary (" + e.getMessage() + "): typed words are taken as typed");
        return Set.of();
      }
    }
  }
}

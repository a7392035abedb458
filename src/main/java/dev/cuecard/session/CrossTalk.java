package dev.cuecard.session;

import dev.cuecard.protocol.Speaker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells when one speaker's words are the other speaker's coming back: the candidate's own voice
 * heard again through the call audio, or the interviewer's voice leaking into the candidate's mic.
 * Both channels then transcribe the same speech; only the copy that started first is that
 * speaker's, the later copy is an echo, kept in the record but never matched or coached.
 *
 * <p>An utterance is an echo of the other speaker when (1) most of its words appear, in order, in
 * what the other speaker said recently (a longest common subsequence over words, so a recogniser
 * mishearing a word or two, or splitting sentences elsewhere, still counts), (2) the other
 * speaker was talking when it began ({@link #LAG_MS}: an echo trails its original by a network
 * delay, a real reply comes after the other has stopped), and (3) the other's speech began first.
 * The other's echoes are never taken as originals. Runs on the room's event loop.
 */
final class CrossTalk {
  /** How long after the other speaker's last words an utterance may begin and still be their echo. */
  static final long LAG_MS = 3_000;
  /** How long a speaker's finished utterances are kept to compare with. */
  static final long KEEP_MS = 10_000;
  /** Share of an utterance's words found in order in the other's speech that makes it an echo. */
  static final double SHARE = 0.6;
  /** An interim this short is not judged yet (too few words to tell; it matches no card anyway). */
  static final int MIN_INTERIM_WORDS = 3;
  /** Words compared at most, the latest ones, which bounds the work per snippet. */
  static final int MAX_WORDS = 80;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

  /** One speaker's utterance: its words, when it was first and last heard, and whether it was an echo. */
  private static final class Heard {
    final long startedAt;
    long lastAt;
    List<String> words = List.of();
    boolean echo;

    Heard(long startedAt) {
      this.startedAt = startedAt;
      this.lastAt = startedAt;
    }
  }

  private final Map<Speaker, Deque<Heard>> finished = new EnumMap<>(Speaker.class);
  private final Map<Speaker, Heard> current = new EnumMap<>(Speaker.class);

  CrossTalk() {
    for (Speaker s : Speaker.values()) {
      finished.put(s, new ArrayDeque<>());
    }
  }

  /**
   * Records a live snippet and answers whether it echoes the other speaker: null when it is this
   * speaker's own, else the speaker whose words it repeats.
   */
  Speaker heard(Speaker speaker, String text, boolean isFinal, long now) {
    forgetOld(now);
    Heard h = current.get(speaker);
    if (h == null || now - h.lastAt > KEEP_MS) { // a new utterance (or one whose final never came)
      h = new Heard(now);
      current.put(speaker, h);
    }
    h.lastAt = now;
    h.words = words(text);
    if (isFinal) {
      current.remove(speaker);
      finished.get(speaker).addLast(h);
    }
    if (isFinal || h.words.size() >= MIN_INTERIM_WORDS) {
      Speaker other = other(speaker);
      h.echo = repeats(h, other);
      return h.echo ? other : null;
    }
    return h.echo ? other(speaker) : null; // an utterance judged an echo stays one while it grows
  }

  /** Whether most of {@code h}'s words were said, in order, by {@code other} as it began, before it. */
  private boolean repeats(Heard h, Speaker other) {
    List<String> said = new ArrayList<>();
    long firstStart = Long.MAX_VALUE;
    List<Heard> theirs = new ArrayList<>(finished.get(other));
    if (current.containsKey(other)) {
      theirs.add(current.get(other));
    }
    for (Heard o : theirs) {
      if (!o.echo && o.lastAt >= h.startedAt - LAG_MS) {
        said.addAll(o.words);
        firstStart = Math.min(firstStart, o.startedAt);
      }
    }
    if (said.isEmpty() || firstStart > h.startedAt || h.words.isEmpty()) {
      return false;
    }
    return commonInOrder(h.words, said) >= SHARE * h.words.size();
  }

  private void forgetOld(long now) {
    for (Deque<Heard> d : finished.values()) {
      while (!d.isEmpty() && d.peekFirst().lastAt < now - KEEP_MS) {
        d.removeFirst();
      }
    }
  }

  static Speaker other(Speaker s) {
    return s == Speaker.INTERVIEWER ? Speaker.CANDIDATE : Speaker.INTERVIEWER;
  }

  /** Lower-cased words, the latest {@link #MAX_WORDS}. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out.size() > MAX_WORDS ? List.copyOf(out.subList(out.size() - MAX_WORDS, out.size())) : out;
  }

  /** Length of the longest common subsequence of two word lists (the other's list capped to its latest words). */
  static int commonInOrder(List<String> a, List<String> b) {
    List<String> bb = b.size() > 2 * MAX_WORDS ? b.subList(b.size() - 2 * MAX_WORDS, b.size()) : b;
    int[] prev = new int[bb.size() + 1];
    int[] row = new int[bb.size() + 1];
    for (String x : a) {
      for (int j = 1; j <= bb.size(); j++) {
        row[j] = x.equals(bb.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
      }
      int[] t = prev;
      prev = row;
      row = t;
    }
    return prev[bb.size()];
  }
}

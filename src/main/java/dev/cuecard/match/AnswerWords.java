package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the candidate has said in the answer in progress, as analysed terms: the context in which
 * an interviewer naming a topic with no question around it is heard. A topic the candidate just
 * said ("okay, connection pooling" after "so we put pgbouncer in front to pool connections") is a
 * remark on the answer, not the next question ({@link #echoes}); a topic named after an answer that
 * is neither on the card up nor in the answer is most likely the next subject ({@link Cues}).
 *
 * <p>One per room, owned by its event loop (not thread-safe); emptied when a new card comes up.
 * Bounded: only the last {@link #MAX_TERMS} terms of the answer are kept.
 */
public final class AnswerWords {
  /** The most terms kept: a long answer's first minutes matter least to what is said now. */
  static final int MAX_TERMS = 400;
  /**
   * The share of a named topic's term weight the candidate must have said for it to be their words
   * heard back; as {@link dev.cuecard.session.CrossTalk} asks of an echo (60%), so one word of a
   * three-word topic may be new ("okay, redis for the cache then" after "redis as the cache backend").
   */
  static final double ECHO_SHARE = 0.6;

  private final ArrayDeque<String> said = new ArrayDeque<>();
  private final Map<String, Integer> counts = new HashMap<>();
  /** The terms of the candidate's utterance still being spoken (its latest interim snippet). */
  private List<String> speaking = List.of();

  /** The candidate spoke: a final snippet joins the answer; an interim one stands until the next. */
  public void said(String text, boolean isFinal) {
    List<String> terms = TextAnalysis.terms(text);
    if (!isFinal) {
      speaking = terms;
      return;
    }
    speaking = List.of();
    for (String t : terms) {
      said.addLast(t);
      counts.merge(t, 1, Integer::sum);
      if (said.size() > MAX_TERMS) {
        counts.computeIfPresent(said.removeFirst(), (k, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  /** A new card is up: a new answer begins. */
  public void clear() {
    said.clear();
    counts.clear();
    speaking = List.of();
  }

  /** Whether the candidate has said anything in this answer. */
  public boolean any() {
    return !counts.isEmpty() || !speaking.isEmpty();
  }

  /**
   * Whether the candidate said most of the words that name the topic in {@code text}: its words on
   * the card they bring ({@code named}), weighted by how rare they are in the bank; "ah, the gil
   * again" names the GIL card by "gil", and "again" is nobody's topic.
   */
  boolean echoes(String text, Card named, Matcher lexical) {
    Set<String> topic = new HashSet<>(TextAnalysis.terms(text));
    topic.retainAll(lexical.followUpTerms(named).vocabulary());
    return lexical.weighs(topic, t -> counts.containsKey(t) || speaking.contains(t), ECHO_SHARE);
  }
}

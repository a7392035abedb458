package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.regex.Pattern;

/**
 * What the cue on screen makes of a question ({@link Cues}' rule): the same card asked about again,
 * a short question with no subject of its own, and a question asked while a fallback is up are
 * more on that cue (a follow-up on its topic) rather than a new one.
 */
final class OnScreen {
  private OnScreen() {
  }

  /**
   * Whether a question that the words alone give no card, asked while a fallback is up, is more on
   * the fallback's question: it is short or points back at it, and opens no new story. The model
   * ranks some card for nearly any sub-question of a question no card answers ("where would the
   * schedule live", "is one of them faster"), and was wrong on most of them (docs/matching.md,
   * "Follow-ups to a fallback that the model gave a card"), so when the card's words are under the
   * lexical threshold, the card it would have shown is offered inside the follow-up, one click
   * away, rather than put in the fallback's place.
   */
  static boolean onTheFallback(String text, Card onScreen) {
    return onScreen != null && Fallback.is(onScreen) && !FollowUpWords.asksNewStory(text)
        && (FollowUpWords.pointsBack(text) || shortQuestion(text));
  }

  /** "where would you keep the balance", "could you roll back halfway", "should the server decide". */
  private static final Pattern WOULD_YOU = Pattern.compile(
      "(?i)\\b(?:would|could|should|will) (?:you|we|the|it|they)\\b|^(?:and |so |but )?should\\b");

  /** "What would you say is / are ...": a way of asking about what follows, not what you would do there. */
  private static final Pattern WOULD_YOU_SAY = Pattern.compile(
      "(?i)\\bwhat would you say (?:is|are|was|were|makes)\\b");

  /** "A" or "an": the words bring in a subject of their own ("how would you design a url shortener"). */
  private static final Pattern INTRODUCES = Pattern.compile("(?i)\\b(?:a|an)\\b");

  /**
   * Whether a question asks what the candidate would do (or what would happen) in the situation up,
   * naming nothing new: "where would you keep the balance", "could you roll back halfway"; not
   * "when would you use a json field", which brings in a subject of its own, nor "what would you
   * say are the main features of python".
   */
  static boolean whatYouWouldDo(String text) {
    return WOULD_YOU.matcher(text).find() && !INTRODUCES.matcher(text).find() && !WOULD_YOU_SAY.matcher(text).find();
  }

  /**
   * Whether a follow-up to the fallback on screen stays on it although the rule found a card
   * ({@code score}): its words ({@code byWords}) are under the lexical line, or not clearly over it
   * when it points back; or the card did not clear the rule's own line clearly ({@code clearOfItsLine});
   * or it asks what you would do there and the card is not clearly sure ({@link CueRule#LEAVE_FALLBACK}).
   */
  static boolean staysOnTheFallback(String text, Card onScreen, double byWords, double score, double line,
      boolean clearOfItsLine) {
    if (!onTheFallback(text, onScreen)) {
      return false;
    }
    double margin = FollowUpWords.pointsBack(text) ? CueRule.LEAVE_FALLBACK : 0;
    return byWords < line + margin || !clearOfItsLine || wouldYouNotClearlySure(text, score);
  }

  /**
   * A "would you" follow-up to a fallback that the words are sure of by less than
   * {@link CueRule#LEAVE_FALLBACK}: not shown at once, the worker's rule decides (it stays on the fallback).
   */
  static boolean justSureOnTheFallback(String text, Card onScreen, Match m) {
    return m != null && onTheFallback(text, onScreen) && wouldYouNotClearlySure(text, m.score());
  }

  /** A "would you" question whose card scores under the sure line plus {@link CueRule#LEAVE_FALLBACK}. */
  private static boolean wouldYouNotClearlySure(String text, double score) {
    return score < CueRule.LEXICAL_SURE + CueRule.LEAVE_FALLBACK && whatYouWouldDo(text);
  }

  /** At most {@link FollowUps#SHORT_WORDS} words. */
  static boolean shortQuestion(String text) {
    return text.trim().split("\\s+").length <= FollowUps.SHORT_WORDS;
  }

  /** Words cut off before their subject: "so what's the", "and how about your". */
  private static final Pattern CUT_OFF = Pattern.compile(
      "(?i)\\b(?:the|a|an|your|my|our|their|and|or|of|what's|whats|is|are)$");

  /**
   * A short question that brings no card, with no subject of its own: too few content words for a
   * card of its own ("who did you lean on") or worded like small talk rather than any card ("how long
   * did it take you to get comfortable"), but not small talk by its words nor a new story. Asked
   * while a cue is up, it asks about that cue.
   */
  static boolean aboutTheCueUp(String text, Card onScreen) {
    return onScreen != null && QuestionDetector.asks(text)
        && !Fallback.smallTalk(text) && !FollowUpWords.asksNewStory(text) && !CUT_OFF.matcher(text.trim()).find()
        && shortQuestion(text);
  }

  /**
   * For a question that gets no cue of its own: a follow-up on the cue up when it asks about it
   * ({@link #aboutTheCueUp}), else nothing.
   */
  static Cues.Decision aboutTheCueUpOrNothing(String text, Card onScreen) {
    return aboutTheCueUp(text, onScreen) ? Cues.Decision.followUp(FollowUps.topic(text, onScreen)) : Cues.Decision.NONE;
  }

  /** The card on screen asked about again is a follow-up on its topic, not a new cue. */
  static Cues.Decision onScreenOrCard(Cues.Decision d, String text, Card onScreen) {
    return onScreen != null && d.match().card().id().equals(onScreen.id())
        ? Cues.Decision.followUp(FollowUps.topic(text, onScreen)) : d;
  }
}

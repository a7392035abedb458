package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.List;
import java.util.Optional;

/**
 * The cue decision for a final snippet that only names a topic ({@link QuestionDetector#bareTopic}:
 * "okay, top k frequent elements", "next, generators"), in its two halves as {@link Cues} runs them.
 */
final class TopicNamed {
  private TopicNamed() {
  }

  /**
   * The inline half: nothing when the candidate just said it (the interviewer hearing the answer
   * back: "okay, connection pooling"); its card when its words alone are sure of it and it is a new
   * subject, neither the card on screen nor on its topic (an interviewer echoing the answer, "right,
   * select related", changes nothing). Words that are not sure go to the worker ({@link Cues.Kind#LATER},
   * {@code byModel} when the model runs) only when they are heard after an answer to the card up, and
   * neither on its topic nor in that answer ({@link #byMeaning}): then they most likely name the next
   * subject ("okay, transaction isolation levels" after an answer on ACID). Heard with no answer around
   * it, a topic named is as often a remark ("mostly postgres these days"), and the model is as near a
   * remark's topic as a question's (docs/matching-history.md).
   */
  static Cues.Decision inline(Matcher lexical, boolean byModel, String text, Card onScreen, AnswerWords answer) {
    List<Match> top = lexical.top(QuestionDetector.topicNamed(text), 1);
    if (top.isEmpty() || (answer != null && answer.echoes(text, top.get(0).card(), lexical))) {
      return Cues.Decision.NONE;
    }
    Match m = top.get(0);
    if (m.score() < CueRule.LEXICAL_SURE) {
      boolean afterAnAnswer = byModel && onScreen != null && answer != null && answer.any()
          && !FollowUps.touches(text, onScreen, lexical);
      return afterAnAnswer ? Cues.Decision.LATER : Cues.Decision.NONE;
    }
    return onItsTopic(lexical, m.card(), text, onScreen) ? Cues.Decision.NONE : Cues.Decision.card(m, "match");
  }

  /**
   * The worker half, for a topic named after an answer whose words were not sure ({@link #inline}):
   * the card the calibrated rule picks from both rankings, as for a question ({@link CueRule#weigh}),
   * when it is a new subject; otherwise nothing: no fallback and no follow-up, since a topic named may
   * still be a remark.
   */
  static Cues.Decision byMeaning(Matcher lexical, String text, Card onScreen, SemanticIndex.Ranking ranking) {
    if (ranking == null || ranking.smallTalk() || ranking.top().isEmpty()) {
      return Cues.Decision.NONE;
    }
    List<Match> near = ranking.top();
    Optional<Cues.Decision> d = CueRule.weigh(lexical.top(text, 1 + Cues.ALTERNATIVES), near);
    return d.isEmpty() || onItsTopic(lexical, d.get().match().card(), text, onScreen) ? Cues.Decision.NONE
        : d.get().withAlternatives(near);
  }

  /** Whether a topic named is the card on screen's, or its words are on that card's topic. */
  private static boolean onItsTopic(Matcher lexical, Card named, String text, Card onScreen) {
    return onScreen != null && (named.id().equals(onScreen.id()) || FollowUps.touches(text, onScreen, lexical));
  }
}

package dev.cuecard.match;

import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How early the right card lands (issue #14, item 7): each labelled question replayed as interim
 * snippets, as {@code replay --interim} sends them, through the same decisions a live room makes.
 * Part of {@link Eval}'s report.
 */
public final class EarlyEval {

  /**
   * Interim replay ({@link #measure}): of the questions whose right card was shown, how many landed
   * before the final snippet, how many of those before the question's last word was heard, the
   * median share of the words heard by then, and questions that got a wrong early card (one the
   * final alone would not have shown: a wrong final decision is counted once, as a wrong card).
   */
  public record Early(int rightCards, int beforeFinal, int beforeLastWord, double medianShareHeard, int wrongEarly) {
    public double share() {
      return rightCards == 0 ? 0 : (double) beforeFinal / rightCards;
    }

    JsonObject toJson() {
      return new JsonObject().put("rightCards", rightCards).put("beforeFinal", beforeFinal)
          .put("beforeFinalShare", Eval.Report.round(share()))
          .put("beforeLastWord", beforeLastWord).put("medianShareOfWordsHeard", Eval.Report.round(medianShareHeard))
          .put("wrongEarlyCards", wrongEarly);
    }

    String format() {
      return String.format(Locale.ROOT, "%.1f%% of right cards before the final snippet (%d/%d; %d before the"
          + " last word), median %.0f%% of its words heard by then; %d wrong early card(s)", 100 * share(), beforeFinal,
          rightCards, beforeLastWord, 100 * medianShareHeard, wrongEarly);
    }
  }

  private EarlyEval() {
  }

  /**
   * Replays each labelled question as a live room hears it from {@code replay --interim}: interim
   * snippets every 3 words, the whole question once more as an interim snippet while the recogniser
   * waits out the end of speech (the pause in which the room embeds it speculatively), then the
   * final. With {@code pauseEveryStep} the speaker also pauses after every 3-word step (the worst
   * case for wrong early cards from half-heard questions).
   */
  static Early measure(Cues cues, List<Eval.Line> lines, boolean pauseEveryStep) {
    int right = 0;
    int before = 0;
    int beforeLastWord = 0;
    int wrongEarly = 0;
    List<Double> shares = new ArrayList<>();
    for (Eval.Line l : lines) {
      if (!l.positive()) {
        continue;
      }
      String[] words = l.text().trim().split("\\s+");
      String finalCard = null; // the card the final alone would bring: decided only for an early card not labelled
      boolean finalDecided = false;
      Cues.Trend trend = new Cues.Trend();
      Card shown = null;
      int shownAt = -1; // words heard when the card on screen landed; -1: only with the final
      boolean wrong = false;
      for (int n = 3; n < words.length + 3; n += 3) {
        n = Math.min(n, words.length);
        String soFar = String.join(" ", List.of(words).subList(0, n));
        Cues.Decision d = cues.inline(soFar, false, shown, trend);
        boolean pause = n == words.length || pauseEveryStep;
        if (d.kind() == Cues.Kind.SPECULATE && pause) {
          d = cues.speculate(soFar, shown);
          if (d.kind() == Cues.Kind.CARD) {
            trend.landed(d.match().card());
          }
        }
        if (d.kind() == Cues.Kind.CARD && (shown == null || !d.match().card().id().equals(shown.id()))) {
          shown = d.match().card();
          shownAt = n;
          if (!Eval.hit(shown, l.expect()) && !finalDecided) {
            Cues.Decision alone = Eval.decide(cues, l.text());
            finalCard = alone.kind() == Cues.Kind.CARD ? alone.match().card().id() : null;
            finalDecided = true;
          }
          wrong |= !Eval.hit(shown, l.expect()) && !shown.id().equals(finalCard);
        }
        if (n == words.length) {
          break;
        }
      }
      wrongEarly += wrong ? 1 : 0;
      // the final snippet, as the room decides it: with no card on screen when the question's card
      // landed early, and then only another card replaces it
      Cues.Decision d = cues.inline(l.text(), true, null, trend);
      d = d.kind() == Cues.Kind.LATER ? cues.offLoop(l.text(), null) : cues.secondLook(l.text(), d).orElse(d);
      if (d.kind() == Cues.Kind.CARD && (shown == null || !d.match().card().id().equals(shown.id()))) {
        shown = d.match().card();
        shownAt = -1;
      }
      if (shown != null && Eval.hit(shown, l.expect())) {
        right++;
        if (shownAt > 0) {
          before++;
          beforeLastWord += shownAt < words.length ? 1 : 0;
          shares.add((double) shownAt / words.length);
        }
      }
    }
    double[] s = shares.stream().mapToDouble(Double::doubleValue).toArray();
    return new Early(right, before, beforeLastWord, Eval.percentile(s, 0.5), wrongEarly);
  }
}

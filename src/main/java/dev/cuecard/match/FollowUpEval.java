package dev.cuecard.match;

import dev.cuecard.bank.Card;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures follow-up resolution on labelled lines heard while a card is on screen: how many
 * follow-ups are resolved against that card (and of the right kind), and how many new questions
 * or remarks are left alone (a new question gets its own right card; a remark changes nothing).
 */
public final class FollowUpEval {

  /**
   * A line heard with card {@code on} on screen (or, as {@code "fallback: question"}, that question's
   * fallback); {@code expect} is the right card for a new question; {@code candidate} what the
   * candidate had said since the card came up, or null.
   */
  public record Line(int number, String on, String text, boolean followUp, String kind, List<String> expect,
                     String candidate) {
  }

  /**
   * {@code cardsOnRemarks}: remarks (lines with no {@code expect} that follow nothing up) that brought
   * a card, the worst a remark can do: the card the candidate is answering goes.
   */
  public record Report(int followUps, int resolved, int kindRight, int others, int othersRight,
                       int cardsOnRemarks, List<String> misses) {
    public double resolution() {
      return followUps == 0 ? 0 : (double) resolved / followUps;
    }

    public double othersAccuracy() {
      return others == 0 ? 0 : (double) othersRight / others;
    }

    public JsonObject toJson() {
      return new JsonObject().put("followUps", followUps).put("resolved", resolved)
          .put("resolution", Eval.Report.round(resolution())).put("kindRight", kindRight).put("others", others)
          .put("othersRight", othersRight).put("othersAccuracy", Eval.Report.round(othersAccuracy()))
          .put("cardsOnRemarks", cardsOnRemarks);
    }

    public String format() {
      return String.format(Locale.ROOT, """
          follow-ups       %d
          resolved         %.1f%% (%d/%d) against the card on screen, %d of them of the labelled kind
          other lines      %d (new questions and remarks)
          handled right    %.1f%% (%d/%d): new questions got their own right card, remarks changed nothing
          remarks' cards   %d (remarks that replaced the card on screen)
          """, followUps, 100 * resolution(), resolved, followUps, kindRight, others, 100 * othersAccuracy(),
          othersRight, others, cardsOnRemarks);
    }
  }

  private FollowUpEval() {
  }

  /** Parses JSONL ({@code on}, {@code text}, {@code followup}, optional {@code kind}, {@code expect} and {@code candidate}). */
  public static List<Line> parse(List<String> raw) {
    return Eval.jsonl(raw, (n, o) -> {
      if (!(o.getValue("on") instanceof String on) || !(o.getValue("text") instanceof String text) || text.isBlank()
          || !(o.getValue("followup") instanceof Boolean follow)) {
        throw new IllegalArgumentException("line " + n
            + ": needs 'on' (a card id, or \"fallback: \" and the question heard), 'text'"
            + " and 'followup' (true or false)");
      }
      List<String> expect = o.getValue("expect") instanceof JsonArray a && !a.isEmpty() ? Eval.keywords(a) : null;
      if (o.containsKey("candidate") && !(o.getValue("candidate") instanceof String)) {
        throw new IllegalArgumentException("line " + n + ": 'candidate' must be what the candidate said, as a string");
      }
      return new Line(n, on, text, follow, o.getString("kind"), expect, o.getString("candidate"));
    });
  }

  /** What {@code on} names: a card of the bank, or with {@link #FALLBACK} the fallback of that question as heard. */
  private static Card onScreen(Matcher matcher, Line l) {
    if (l.on().startsWith(FALLBACK)) {
      return Fallback.card(l.on().substring(FALLBACK.length()).trim());
    }
    Card on = matcher.bank().get(l.on());
    if (on == null) {
      throw new IllegalArgumentException("line " + l.number() + ": no card '" + l.on() + "' in the bank");
    }
    return on;
  }

  /** An {@code on} that starts so names a fallback on screen: the question as heard follows. */
  static final String FALLBACK = "fallback:";

  public static Report run(Matcher matcher, SemanticIndex semantic, List<Line> lines) {
    Cues cues = new Cues(matcher, semantic);
    int follow = 0;
    int resolved = 0;
    int kindRight = 0;
    int others = 0;
    int othersRight = 0;
    int cardsOnRemarks = 0;
    List<String> misses = new ArrayList<>();
    for (Line l : lines) {
      Card on = onScreen(matcher, l);
      AnswerWords answer = new AnswerWords();
      if (l.candidate() != null) {
        answer.said(l.candidate(), true);
      }
      Cues.Decision d = Eval.decide(cues, l.text(), on, answer);
      String got = switch (d.kind()) {
        case CARD -> "card " + d.match();
        case FOLLOW_UP -> "follow-up " + d.followUp().kind();
        default -> d.kind().name().toLowerCase(Locale.ROOT);
      };
      boolean right;
      if (l.followUp()) {
        follow++;
        right = d.kind() == Cues.Kind.FOLLOW_UP;
        if (right) {
          resolved++;
          if (l.kind() != null && d.followUp().kind().name().equalsIgnoreCase(l.kind())) {
            kindRight++;
          }
        }
      } else {
        others++;
        right = l.expect() == null ? d.kind() == Cues.Kind.NONE
            : d.kind() == Cues.Kind.CARD && Eval.hit(d.match().card(), l.expect());
        cardsOnRemarks += l.expect() == null && d.kind() == Cues.Kind.CARD ? 1 : 0;
        othersRight += right ? 1 : 0;
      }
      if (!right) {
        misses.add("line " + l.number() + " on " + l.on() + " \"" + l.text() + "\" -> " + got);
      }
    }
    return new Report(follow, resolved, kindRight, others, othersRight, cardsOnRemarks, misses);
  }
}

package dev.cuecard.coach;

import dev.cuecard.bank.Card;
import dev.cuecard.bank.Card.Framework;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Follows one answer to the current card: which key points the candidate has covered, which part
 * of the answer structure they are in, and when to nudge. Pure logic, driven by the room (one
 * thread); every method returns what changed so the room only pushes real updates.
 */
public final class AnswerTracker {
  /** Nudges are at least this far apart, so the overlay never nags. */
  static final long NUDGE_GAP_MS = 15_000;
  static final long FILLER_WINDOW_MS = 30_000;
  static final int FILLERS_IN_WINDOW = 6;

  private final Card card;
  private final long shownAt;
  private final long budgetMs;
  private final Set<NudgeKind> enabled;
  private final List<List<List<String>>> pointTerms = new ArrayList<>();
  private final long[] coveredAt;
  /** Analyzed tokens of everything said in final snippets so far (tokenized once, as they arrive). */
  private final List<String> finalTokens = new ArrayList<>();
  private final Set<Integer> stages = new TreeSet<>();
  private Integer currentStage;
  private final List<Nudge> nudges = new ArrayList<>();
  private final Set<NudgeKind> given = EnumSet.noneOf(NudgeKind.class);
  private final Deque<long[]> fillerLog = new ArrayDeque<>();
  private long startedAt = -1;
  private long lastSpokeAt = -1;
  private long lastNudgeAt = Long.MIN_VALUE / 2;
  private int words;
  private int fillers;
  private boolean metricStated;

  /** What one update changed. */
  public record Update(boolean coverageChanged, boolean stageChanged, List<Nudge> nudges) {
    public boolean any() {
      return coverageChanged || stageChanged || !nudges.isEmpty();
    }
  }

  public AnswerTracker(Card card, long shownAt, long budgetMs, Set<NudgeKind> enabled) {
    this.card = card;
    this.shownAt = shownAt;
    this.budgetMs = budgetMs;
    this.enabled = enabled.isEmpty() ? EnumSet.noneOf(NudgeKind.class) : EnumSet.copyOf(enabled);
    for (Card.KeyPoint k : card.keyPoints()) {
      List<List<String>> phrases = new ArrayList<>();
      for (String term : k.terms()) {
        List<String> tokens = Speech.tokens(term);
        if (!tokens.isEmpty()) {
          phrases.add(tokens);
        }
      }
      pointTerms.add(phrases);
    }
    this.coveredAt = new long[card.keyPoints().size()];
  }

  public Card card() {
    return card;
  }

  public boolean started() {
    return startedAt >= 0;
  }

  /** Nudges due the moment the card appears (a clarifying question for design questions). */
  public List<Nudge> onShown() {
    List<Nudge> out = new ArrayList<>();
    if (card.clarify() != null && isDesign()) {
      give(out, NudgeKind.CLARIFY, "Ask first: " + card.clarify(),
          "design questions go better once scope and scale are clear", shownAt);
    }
    return out;
  }

  /** A candidate snippet: interim text replaces the previous interim; final text is appended. */
  public Update onCandidate(String text, boolean isFinal, long now) {
    if (startedAt < 0) {
      startedAt = now;
    }
    lastSpokeAt = now;
    List<String> newTokens = Speech.tokens(text);
    List<String> said;
    if (isFinal) {
      finalTokens.addAll(newTokens);
      said = finalTokens;
      int w = Speech.words(text);
      int f = Speech.fillers(text);
      words += w;
      fillers += f;
      if (f > 0) {
        fillerLog.addLast(new long[] {now, f});
      }
      metricStated |= Speech.hasMetric(text);
    } else {
      // an interim repeats the utterance so far: look at it after the finals, without keeping it
      said = new ArrayList<>(finalTokens.size() + newTokens.size());
      said.addAll(finalTokens);
      said.addAll(newTokens);
    }
    boolean coverage = updateCoverage(said, now);
    boolean stage = updateStage(text);
    List<Nudge> out = new ArrayList<>();
    contentNudges(out, now);
    return new Update(coverage, stage, out);
  }

  /** Time-driven checks (overtime, missing points near the end); call about once a second. */
  public List<Nudge> tick(long now) {
    List<Nudge> out = new ArrayList<>();
    if (startedAt < 0) {
      return out;
    }
    long elapsed = now - startedAt;
    if (elapsed >= budgetMs) {
      give(out, NudgeKind.OVERTIME, "Wrap up: give the result and stop",
          "the answer has run " + elapsed / 1000 + " s, past the " + budgetMs / 1000 + " s budget", now);
    }
    if (elapsed >= budgetMs * 3 / 4) {
      int missing = firstMissing();
      if (missing >= 0) {
        give(out, NudgeKind.MISSING_POINT, "Still to cover: " + card.keyPoints().get(missing).text(),
            "the answer is near its time budget and this point has not come up", now);
      }
      if (isDesign() && !stages.contains(3)) {
        give(out, NudgeKind.NO_TRADEOFF, "Name a trade-off: what does this approach cost?",
            "no downside or alternative mentioned yet", now);
      }
    }
    return out;
  }

  private void contentNudges(List<Nudge> out, long now) {
    while (!fillerLog.isEmpty() && fillerLog.peekFirst()[0] < now - FILLER_WINDOW_MS) {
      fillerLog.removeFirst();
    }
    long recent = fillerLog.stream().mapToLong(x -> x[1]).sum();
    if (recent >= FILLERS_IN_WINDOW) {
      give(out, NudgeKind.FILLERS, "Slow down: pause instead of filling",
          recent + " filler words in the last 30 seconds", now);
    }
    if (isStory() && !metricStated && stages.contains(stepCount() - 1)) {
      give(out, NudgeKind.NO_METRIC, "Put a number on the result: time saved, errors cut, users helped",
          "the result has no number or metric yet", now);
    }
  }

  private void give(List<Nudge> out, NudgeKind kind, String text, String reason, long now) {
    if (!enabled.contains(kind) || given.contains(kind) || now - lastNudgeAt < NUDGE_GAP_MS) {
      return;
    }
    Nudge n = new Nudge(kind, text, reason, now);
    given.add(kind);
    lastNudgeAt = now;
    nudges.add(n);
    out.add(n);
  }

  /** STAR and CAR answers end in a result, which a number should back. */
  private boolean isStory() {
    return card.framework().isStory();
  }

  private boolean updateCoverage(List<String> tokens, long now) {
    boolean changed = false;
    for (int i = 0; i < coveredAt.length; i++) {
      if (coveredAt[i] == 0) {
        for (List<String> phrase : pointTerms.get(i)) {
          if (containsPhrase(tokens, phrase)) {
            coveredAt[i] = now;
            changed = true;
            break;
          }
        }
      }
    }
    return changed;
  }

  /** Stages only accumulate, so each snippet's own text is enough to find new ones. */
  private boolean updateStage(String text) {
    Set<Integer> found = new LinkedHashSet<>(Stages.found(card.framework(), text));
    int result = stepCount() - 1;
    if (isStory() && metricStated && (stages.contains(result - 1)
        || found.contains(result - 1))) {
      found.add(result); // a number after the action is the result
    }
    boolean changed = stages.addAll(found);
    Integer latest = stages.isEmpty() ? null : ((TreeSet<Integer>) stages).last();
    if (latest != null && !latest.equals(currentStage)) {
      currentStage = latest;
      changed = true;
    }
    return changed;
  }

  static boolean containsPhrase(List<String> tokens, List<String> phrase) {
    outer:
    for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
      for (int j = 0; j < phrase.size(); j++) {
        if (!tokens.get(i + j).equals(phrase.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private int firstMissing() {
    for (int i = 0; i < coveredAt.length; i++) {
      if (coveredAt[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private int stepCount() {
    return card.framework().steps().size();
  }

  private boolean isDesign() {
    String c = card.category().toLowerCase(java.util.Locale.ROOT);
    return c.contains("design") || card.tags().contains("system design");
  }

  /** The coverage message body: which points are covered (and when) and which are missing. */
  public JsonObject coverage() {
    JsonArray points = new JsonArray();
    int covered = 0;
    for (int i = 0; i < coveredAt.length; i++) {
      JsonObject p = new JsonObject().put("index", i).put("text", card.keyPoints().get(i).text())
          .put("covered", coveredAt[i] != 0);
      if (coveredAt[i] != 0) {
        p.put("at", coveredAt[i]);
        covered++;
      }
      points.add(p);
    }
    return new JsonObject().put("cardId", card.id()).put("points", points).put("covered", covered)
        .put("total", coveredAt.length);
  }

  /** The stage message body: the framework, the current step, the steps reached and still missing. */
  public JsonObject stage() {
    List<String> steps = card.framework().steps();
    JsonArray reached = new JsonArray();
    JsonArray missing = new JsonArray();
    for (int i = 0; i < steps.size(); i++) {
      (stages.contains(i) ? reached : missing).add(steps.get(i));
    }
    return new JsonObject().put("cardId", card.id()).put("framework", card.framework().name())
        .put("stage", currentStage == null ? null : steps.get(currentStage)).put("reached", reached)
        .put("missing", missing);
  }

  /** The finished answer's figures. */
  public AnswerRecord finish(long endedAt) {
    List<String> covered = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < coveredAt.length; i++) {
      (coveredAt[i] != 0 ? covered : missed).add(card.keyPoints().get(i).text());
    }
    List<String> steps = card.framework().steps();
    List<String> parts = stages.stream().map(steps::get).toList();
    long start = startedAt < 0 ? shownAt : startedAt;
    long end = lastSpokeAt < 0 ? endedAt : lastSpokeAt;
    double minutes = Math.max(end - start, 1) / 60_000.0;
    int wpm = words == 0 || end - start < 5_000 ? 0 : (int) Math.round(words / minutes);
    return new AnswerRecord(card.id(), card.question(), shownAt, start, end, words, wpm, fillers, covered, missed,
        parts, List.copyOf(nudges), metricStated);
  }
}

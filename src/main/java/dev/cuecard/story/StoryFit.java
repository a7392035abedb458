package dev.cuecard.story;

import dev.cuecard.bank.Card;
import dev.cuecard.match.TextAnalysis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a user's stories fit a behavioural card, best first: a story scores 1 for each of its
 * competencies the card asks for (by the competency's words in the card's question, aliases and
 * tags) plus the share of the card's own words that the story's text shares. Stories that share
 * neither are left out. Cheap (term sets of a few hundred words), so it runs on the event loop.
 */
public final class StoryFit {
  public static final int SHOWN = 3;

  /** A fitting story, what it fits by, and whether it was already told in this session. */
  public record Fit(Story story, double score, List<Competency> asked, boolean told) {
    public JsonObject toJson() {
      JsonArray comp = new JsonArray();
      story.competencies().forEach(c -> comp.add(c.wire()));
      JsonArray fits = new JsonArray();
      asked.forEach(c -> fits.add(c.wire()));
      return new JsonObject().put("id", story.id()).put("title", story.title()).put("brief", story.brief())
          .put("metric", story.metric()).put("competencies", comp).put("fitsBy", fits)
          .put("score", Math.round(score * 1000) / 1000.0).put("told", told);
    }
  }

  private StoryFit() {
  }

  public static boolean isStoryCard(Card card) {
    return card.framework().isStory();
  }

  /** The {@link #SHOWN} best-fitting stories for {@code card}; {@code told}: ids told in this session. */
  public static List<Fit> rank(Card card, List<Story> stories, Set<String> told) {
    StringBuilder text = new StringBuilder(card.question());
    card.aliases().forEach(a -> text.append(' ').append(a));
    card.tags().forEach(t -> text.append(' ').append(t));
    Set<String> cardTerms = new HashSet<>(TextAnalysis.terms(text.toString()));
    List<Fit> out = new ArrayList<>();
    for (Story s : stories) {
      List<Competency> asked = new ArrayList<>();
      for (Competency c : s.competencies()) {
        if (c.words().stream().map(TextAnalysis::terms).anyMatch(t -> !t.isEmpty() && cardTerms.containsAll(t))) {
          asked.add(c);
        }
      }
      Set<String> storyTerms = new HashSet<>(TextAnalysis.terms(String.join(" ", s.title(), s.situation(), s.task(),
          s.action(), s.result(), s.lessons())));
      long shared = cardTerms.stream().filter(storyTerms::contains).count();
      double score = asked.size() + (cardTerms.isEmpty() ? 0 : (double) shared / cardTerms.size());
      if (score > 0) {
        out.add(new Fit(s, score, List.copyOf(asked), told.contains(s.id())));
      }
    }
    // untold first, then by score: a story told already is still offered, flagged, below the others
    out.sort(Comparator.comparing(Fit::told).thenComparing(Fit::score, Comparator.reverseOrder()));
    return out.size() > SHOWN ? List.copyOf(out.subList(0, SHOWN)) : List.copyOf(out);
  }
}

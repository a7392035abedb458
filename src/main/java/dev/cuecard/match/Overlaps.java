package dev.cuecard.match;

import dev.cuecard.bank.Card;

import java.util.ArrayList;
import java.util.List;

/**
 * Phrasings that bring another card: every card's question and aliases asked as written, as a
 * final interviewer question, with the decision the server runs. A phrasing copied onto a second
 * card, or a new card worded like an old one, takes questions from the card written for them;
 * this finds them before an interview does ({@code cuecard eval --phrasings}; EvalTest keeps the
 * bundled bank free of them).
 */
public final class Overlaps {
  /** A card's phrasing that, asked as written, brings {@code got} instead. */
  public record Taken(Card card, String phrasing, Match got) {
    @Override
    public String toString() {
      return card.id() + ": \"" + phrasing + "\" -> " + got;
    }
  }

  private Overlaps() {
  }

  /** The phrasings of every card that bring another card ({@code semantic} null: by words alone). Blocking. */
  public static List<Taken> of(Matcher matcher, SemanticIndex semantic) {
    Cues cues = new Cues(matcher, semantic);
    List<Taken> taken = new ArrayList<>();
    for (Card c : matcher.bank().cards()) {
      for (String p : c.phrasings()) {
        Cues.Decision d = Eval.decide(cues, p);
        if (d.kind() == Cues.Kind.CARD && !d.match().card().id().equals(c.id())) {
          taken.add(new Taken(c, p, d.match()));
        }
      }
    }
    return taken;
  }

  /** How many phrasings {@link #of} asks. */
  public static int phrasings(Matcher matcher) {
    return matcher.bank().cards().stream().mapToInt(c -> c.phrasings().size()).sum();
  }
}

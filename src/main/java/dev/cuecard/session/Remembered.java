package dev.cuecard.session;

import dev.cuecard.bank.Bank;
import dev.cuecard.bank.Card;
import dev.cuecard.match.Match;
import dev.cuecard.match.OwnCues;
import dev.cuecard.store.RememberedWordings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's remembered corrections as cards of their own index: for each card of the server's bank
 * they picked instead of the one shown, a stand-in with the same id whose only phrasings are the
 * wordings they corrected (no tags, key points or answer, so nothing else of the card's brings
 * it). The stand-in comes up like a card of theirs by its words ({@code OwnCues#inline}), not by
 * meaning alone; the room then shows the server's card itself, marked {@code remembered} ({@link #is}).
 */
final class Remembered {
  /**
   * Fewer words than this ask too little to tie to one card ("why", "go on", a cue that landed on
   * "so how would"); as many as a question needs before a pause may bring a card.
   */
  static final int MIN_WORDS = 4;

  private Remembered() {
  }

  /** The words to remember for this question as heard: trimmed and single-spaced, or null when not kept. */
  static String wording(String heard) {
    if (heard == null) {
      return null;
    }
    String w = heard.trim().replaceAll("\\s+", " ");
    return w.split(" ").length < MIN_WORDS || w.length() > RememberedWordings.MAX_CHARS ? null : w;
  }

  /** The user's own bank with a stand-in for each card of {@code shared} that a wording of theirs asks for. */
  static Bank with(Bank own, List<RememberedWordings.Wording> wordings, Bank shared) {
    Map<String, List<String>> byCard = new LinkedHashMap<>();
    for (RememberedWordings.Wording w : wordings) {
      if (shared.get(w.cardId()) != null && own.get(w.cardId()) == null) { // a card that left the bank is skipped
        byCard.computeIfAbsent(w.cardId(), k -> new ArrayList<>()).add(w.wording());
      }
    }
    if (byCard.isEmpty()) {
      return own;
    }
    List<Card> cards = new ArrayList<>(own.cards());
    byCard.forEach((id, phrasings) -> {
      Card c = shared.get(id);
      cards.add(new Card(c.id(), OwnCues.REMEMBERED, phrasings.get(0), List.copyOf(phrasings.subList(1, phrasings.size())),
          c.category(), c.framework(), c.difficulty(), "", List.of(), List.of(), null, List.of(), List.of()));
    });
    List<Bank.Source> sources = new ArrayList<>(own.sources());
    sources.add(new Bank.Source(OwnCues.REMEMBERED, "Remembered wordings", "remembered", byCard.size()));
    return new Bank(cards, sources);
  }

  /**
   * Nearest cards (a fallback's related ones may include the owner's) with each stand-in replaced by
   * the server's card it stands for, once each, in order; a stand-in whose card left the bank is dropped.
   */
  static List<Match> asBankCards(List<Match> near, Bank shared) {
    if (near.stream().noneMatch(r -> is(r.card()))) {
      return near;
    }
    Map<String, Match> byId = new LinkedHashMap<>();
    for (Match r : near) {
      Card card = is(r.card()) ? shared.get(r.card().id()) : r.card();
      if (card != null) {
        byId.putIfAbsent(card.id(), new Match(card, r.score(), r.margin()));
      }
    }
    return List.copyOf(byId.values());
  }

  /** Whether a card that came up from the user's own index is a stand-in for a card of the server's. */
  static boolean is(Card card) {
    return OwnCues.REMEMBERED.equals(card.bank());
  }
}

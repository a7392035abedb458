package dev.cuecard.bank;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A validated set of cards, with unique ids. */
public final class Bank {
  private final List<Card> cards;
  private final Map<String, Card> byId;
  private final List<Source> sources;

  /** One loaded bank file: its bank name, title, where it came from and how many cards it gave. */
  public record Source(String bank, String title, String file, int cards) {
  }

  public Bank(List<Card> cards, List<Source> sources) {
    this.cards = List.copyOf(cards);
    this.byId = cards.stream().collect(Collectors.toUnmodifiableMap(Card::id, Function.identity()));
    this.sources = List.copyOf(sources);
  }

  public List<Card> cards() {
    return cards;
  }

  public Card get(String id) {
    return byId.get(id);
  }

  public List<Source> sources() {
    return sources;
  }

  public int size() {
    return cards.size();
  }
}

package dev.cuecard.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user's own question banks: the same bank-file shape and the same checks as bank files
 * ({@link BankLoader}), plus what sharing a server needs: a bank may start empty, its name is a
 * plain identifier, and its card ids may not be taken by the shared bank or by another of the
 * user's banks (a user's card never shadows a bundled one).
 */
public final class OwnBanks {
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");
  public static final int MAX_CARDS = 500;
  private static final Set<String> FILE_FIELDS = Set.of("bank", "title", "description", "cards");

  private OwnBanks() {
  }

  /** The bank's name from its file, checked; throws {@link BankException}. */
  public static String name(JsonObject body) {
    Object n = body.getValue("bank");
    if (!(n instanceof String s) || !NAME.matcher(s).matches()) {
      throw new BankException(List.of("field 'bank' must be a name of 1-60 lower-case letters, digits, '.', '_' or"
          + " '-', starting with a letter or digit"));
    }
    return s;
  }

  /**
   * Checks a user's bank file and returns its cards. {@code shared}: the server's bank;
   * {@code otherIds}: card id → name of the user's other bank that has it. Throws
   * {@link BankException} whose problems name the card and field.
   */
  public static List<Card> check(JsonObject body, Bank shared, Map<String, String> otherIds) {
    String name = name(body);
    List<String> problems = new ArrayList<>();
    for (String k : body.fieldNames()) {
      if (!FILE_FIELDS.contains(k)) {
        problems.add("unknown top-level field '" + k + "' (allowed: bank, title, description, cards)");
      }
    }
    Object raw = body.getValue("cards");
    if (raw != null && !(raw instanceof JsonArray)) {
      problems.add("field 'cards' must be an array");
    }
    if (raw instanceof JsonArray arr && arr.size() > MAX_CARDS) {
      problems.add("field 'cards' has " + arr.size() + " cards; a bank holds at most " + MAX_CARDS);
    }
    if (!problems.isEmpty()) {
      throw new BankException(problems);
    }
    if (!(raw instanceof JsonArray arr) || arr.isEmpty()) {
      return List.of();
    }
    List<Card> cards = BankLoader.parse("your bank '" + name + "'", body.encode()).cards();
    for (Card c : cards) {
      if (shared.get(c.id()) != null) {
        problems.add("card '" + c.id() + "': field 'id' is taken by a card of the server's bank; choose another");
      } else if (otherIds.containsKey(c.id())) {
        problems.add("card '" + c.id() + "': field 'id' is already used in your bank '" + otherIds.get(c.id()) + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new BankException(problems);
    }
    return cards;
  }

  /**
   * A user's banks as one {@link Bank} for matching, leaving out any card whose id the server's bank
   * has taken since it was stored (the bank file shows it with a problem when opened).
   */
  public static Bank combine(List<JsonObject> bodies, Bank shared) {
    List<Card> cards = new ArrayList<>();
    List<Bank.Source> sources = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (JsonObject b : bodies) {
      List<Card> own;
      try {
        own = check(b, shared, Map.of());
      } catch (BankException e) {
        own = List.of();
      }
      int before = cards.size();
      for (Card c : own) {
        if (seen.add(c.id())) {
          cards.add(c);
        }
      }
      String name = b.getString("bank");
      sources.add(new Bank.Source(name, b.getString("title", name), "yours:" + name, cards.size() - before));
    }
    return new Bank(cards, sources);
  }
}

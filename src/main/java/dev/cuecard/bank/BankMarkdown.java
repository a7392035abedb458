package dev.cuecard.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bank file as Markdown, for people who keep their questions in notes (the shape is in
 * docs/bank-format.md): a {@code # title} with a {@code bank: name} line; per card a
 * {@code ## question} heading, {@code field: value} lines (id, category, framework, difficulty,
 * aliases and tags separated by {@code |}, clarify), the model answer as the following
 * paragraphs, and {@code ### Key points} ({@code - point | term, term}), {@code ### Follow-ups}
 * and {@code ### Reminders} lists. Problems name the line.
 */
final class BankMarkdown {
  private static final Map<String, String> LISTS = Map.of("key points", "keyPoints", "follow-ups", "followUps",
      "follow ups", "followUps", "reminders", "reminders");
  private static final List<String> SCALARS = List.of("id", "category", "framework", "difficulty", "clarify");

  private BankMarkdown() {
  }

  static JsonObject read(String text) {
    JsonObject bank = new JsonObject();
    JsonArray cards = new JsonArray();
    List<String> problems = new ArrayList<>();
    JsonObject card = null;
    StringBuilder answer = null;
    String list = null; // the ### list being read, or null
    boolean fields = false; // right after a ## heading: field lines
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      String where = "line " + (n + 1) + ": ";
      if (line.startsWith("### ")) {
        if (card == null) {
          problems.add(where + "a '###' list before any '## question'");
          continue;
        }
        list = LISTS.get(line.substring(4).strip().toLowerCase(Locale.ROOT));
        if (list == null) {
          problems.add(where + "unknown list '" + line.substring(4).strip() + "' (Key points, Follow-ups, Reminders)");
        }
        fields = false;
      } else if (line.startsWith("## ")) {
        finish(card, answer, cards);
        card = new JsonObject().put("question", line.substring(3).strip());
        answer = new StringBuilder();
        list = null;
        fields = true;
      } else if (line.startsWith("# ")) {
        bank.put("title", line.substring(2).strip());
      } else if (card == null) {
        if (line.toLowerCase(Locale.ROOT).startsWith("bank:")) {
          bank.put("bank", line.substring(5).strip());
        } else if (!line.isEmpty()) {
          bank.put("description", (bank.getString("description", "") + " " + line).strip());
        }
      } else if (list != null && line.startsWith("- ")) {
        listItem(card, list, line.substring(2).strip());
      } else if (fields && line.matches("[A-Za-z]+:.*")) {
        String key = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(line.indexOf(':') + 1).strip();
        if (SCALARS.contains(key)) {
          card.put(key, key.equals("framework") ? value.toUpperCase(Locale.ROOT) : value);
        } else if (key.equals("aliases") || key.equals("tags")) {
          card.put(key, split(value, key.equals("tags") ? ",|" : "|"));
        } else {
          problems.add(where + "unknown field '" + key + "' (id, category, framework, difficulty, aliases, tags,"
              + " clarify)");
        }
      } else if (line.isEmpty()) {
        fields = false;
        if (answer != null && answer.length() > 0 && list == null) {
          answer.append("\n\n");
        }
      } else if (list == null) {
        fields = false;
        answer.append(answer.length() == 0 || answer.toString().endsWith("\n\n") ? "" : " ").append(line);
      } else {
        problems.add(where + "expected '- item' in the list");
      }
    }
    finish(card, answer, cards);
    if (!problems.isEmpty()) {
      throw new BankException(problems);
    }
    return bank.put("cards", cards);
  }

  private static void listItem(JsonObject card, String list, String item) {
    JsonArray arr = card.getJsonArray(list);
    if (arr == null) {
      arr = new JsonArray();
      card.put(list, arr);
    }
    if (list.equals("keyPoints")) {
      List<String> parts = splitEscaped(item, "|");
      JsonArray terms = parts.size() < 2 ? new JsonArray() : split(item.substring(lastSeparator(item, '|') + 1), ",");
      arr.add(new JsonObject().put("text", parts.get(0).strip()).put("terms", terms));
    } else {
      arr.add(unescape(item));
    }
  }

  /** Splits on any of {@code separators} not escaped with a backslash, unescaping the parts. */
  private static JsonArray split(String value, String separators) {
    JsonArray out = new JsonArray();
    for (String s : splitEscaped(value, separators)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static List<String> splitEscaped(String value, String separators) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        cur.append(value.charAt(++i));
      } else if (separators.indexOf(c) >= 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** Where the last unescaped {@code sep} is, or -1. */
  private static int lastSeparator(String value, char sep) {
    int last = -1;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '\\') {
        i++;
      } else if (value.charAt(i) == sep) {
        last = i;
      }
    }
    return last;
  }

  private static String unescape(String s) {
    return String.join("", splitEscaped(s, ""));
  }

  /** A backslash before every character that would split a list here. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,");
  }

  private static void finish(JsonObject card, StringBuilder answer, JsonArray cards) {
    if (card != null) {
      String a = answer.toString().strip();
      if (!a.isEmpty()) {
        card.put("answer", a);
      }
      cards.add(card);
    }
  }

  static String write(JsonObject bank) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(bank.getString("title", bank.getString("bank", ""))).append('\n');
    out.append("bank: ").append(bank.getString("bank", "")).append("\n\n");
    if (bank.getString("description") != null) {
      out.append(bank.getString("description")).append("\n\n");
    }
    JsonArray cards = bank.getJsonArray("cards", new JsonArray());
    for (int i = 0; i < cards.size(); i++) {
      JsonObject c = cards.getJsonObject(i);
      out.append("## ").append(c.getString("question", "")).append('\n');
      for (String k : SCALARS) {
        if (c.getValue(k) != null) {
          out.append(k).append(": ").append(c.getValue(k)).append('\n');
        }
      }
      if (c.getJsonArray("aliases") != null && !c.getJsonArray("aliases").isEmpty()) {
        out.append("aliases: ").append(String.join(" | ", escaped(c.getJsonArray("aliases")))).append('\n');
      }
      if (c.getJsonArray("tags") != null && !c.getJsonArray("tags").isEmpty()) {
        out.append("tags: ").append(String.join(", ", escaped(c.getJsonArray("tags")))).append('\n');
      }
      out.append('\n').append(c.getString("answer", "")).append("\n\n");
      JsonArray points = c.getJsonArray("keyPoints", new JsonArray());
      if (!points.isEmpty()) {
        out.append("### Key points\n");
        for (int p = 0; p < points.size(); p++) {
          JsonObject kp = points.getJsonObject(p);
          out.append("- ").append(escape(kp.getString("text", ""))).append(" | ")
              .append(String.join(", ", escaped(kp.getJsonArray("terms", new JsonArray())))).append('\n');
        }
        out.append('\n');
      }
      list(out, "Follow-ups", c.getJsonArray("followUps"));
      list(out, "Reminders", c.getJsonArray("reminders"));
    }
    return out.toString();
  }

  private static void list(StringBuilder out, String title, JsonArray items) {
    if (items != null && !items.isEmpty()) {
      out.append("### ").append(title).append('\n');
      escaped(items).forEach(s -> out.append("- ").append(s).append('\n'));
      out.append('\n');
    }
  }

  private static List<String> escaped(JsonArray arr) {
    return strings(arr).stream().map(BankMarkdown::escape).toList();
  }

  private static List<String> strings(JsonArray arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(o -> out.add(String.valueOf(o)));
    return out;
  }
}

package dev.cuecard.bank;

import dev.cuecard.bank.Card.Framework;
import dev.cuecard.bank.Card.KeyPoint;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates bank files (see docs/bank-format.md). Every problem is collected and
 * reported together, each naming file, card id and field; nothing is half-loaded.
 */
public final class BankLoader {
  private static final String BUNDLED_INDEX = "bank/index.txt";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,79}");
  private static final Set<String> FILE_FIELDS = Set.of("bank", "title", "description", "cards");
  private static final Set<String> CARD_FIELDS = Set.of("id", "question", "aliases", "category", "framework",
      "difficulty", "answer", "keyPoints", "followUps", "clarify", "reminders", "tags");
  private static final Set<String> POINT_FIELDS = Set.of("text", "terms");
  private static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "hard");

  static final Map<Framework, List<String>> DEFAULT_REMINDERS = Map.of(
      Framework.STAR, List.of("Say what you did: 'I', not 'we'", "Close with a number: time saved, errors cut, users helped",
          "Keep it under two minutes"),
      Framework.CAR, List.of("Set the context in two sentences", "Close with a measurable result",
          "Keep it under two minutes"),
      Framework.TECHNICAL, List.of("Define it in one sentence first", "Give a concrete example",
          "Name the trade-off", "Ask a clarifying question if the scope is unclear"),
      Framework.DESIGN, List.of("Ask about users, load and what must never be lost before drawing boxes",
          "Sketch the data model and the API first", "Name the bottleneck and how it scales",
          "Say what you would trade away, and why"));

  /** Largest bank file read. The bundled files are under 100 KB. */
  static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
  private static final java.util.regex.Pattern JSON_AT = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)");
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BankLoader.class.getName());

  private final List<String> problems = new ArrayList<>();
  private final List<Card> cards = new ArrayList<>();
  private final Map<String, String> idSource = new HashMap<>();
  private final List<Bank.Source> sources = new ArrayList<>();

  /** Loads the bundled bank (if asked) and every *.json file in the given directories. Blocking. */
  public static Bank load(boolean bundled, List<Path> dirs) {
    BankLoader loader = new BankLoader();
    if (bundled) {
      loader.loadBundled();
    }
    for (Path dir : dirs) {
      loader.loadDir(dir);
    }
    if (!loader.problems.isEmpty()) {
      throw new BankException(loader.problems);
    }
    if (loader.cards.isEmpty()) {
      throw new BankException(List.of("no cards loaded: enable bank.bundled or add bank.dirs"));
    }
    return new Bank(loader.cards, loader.sources);
  }

  /** Parses one file's text (for tests and tools). */
  public static Bank parse(String name, String text) {
    BankLoader loader = new BankLoader();
    loader.parseFile(name, text);
    if (!loader.problems.isEmpty()) {
      throw new BankException(loader.problems);
    }
    return new Bank(loader.cards, loader.sources);
  }

  private void loadBundled() {
    ClassLoader cl = BankLoader.class.getClassLoader();
    String index = resource(cl, BUNDLED_INDEX);
    if (index == null) {
      problems.add("bundled bank index " + BUNDLED_INDEX + " is missing from the classpath");
      return;
    }
    for (String line : index.split("\n")) {
      String name = line.trim();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      String text = resource(cl, "bank/" + name);
      if (text == null) {
        problems.add("bundled bank file bank/" + name + " is listed in the index but missing");
      } else {
        parseFile("bundled:" + name, text);
      }
    }
  }

  private static String resource(ClassLoader cl, String path) {
    try (InputStream in = cl.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Loads every *.json file directly in {@code dir}. Files are named by the folder's own name and
   * the file name (never the absolute path: problems reach /health and /api/banks, which anyone
   * may read; the log names the full path for the operator). A symbolic link is followed only to
   * a regular file inside the same folder, and a file over {@link #MAX_FILE_BYTES} is refused
   * before it is read, so a link cannot make the server read, or quote, a file outside its bank.
   */
  private void loadDir(Path dir) {
    String shown = dir.getFileName() == null ? "bank" : dir.getFileName().toString();
    int before = problems.size();
    if (!Files.isDirectory(dir)) {
      problems.add(shown + ": bank directory does not exist");
      LOG.warning("bank directory " + shown + " is " + dir.toAbsolutePath());
      return;
    }
    List<Path> files;
    Path root;
    try (Stream<Path> s = Files.list(dir)) {
      root = dir.toRealPath();
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      problems.add(shown + ": cannot list bank directory");
      LOG.warning("cannot list bank directory " + dir.toAbsolutePath() + ": " + e);
      return;
    }
    for (Path f : files) {
      String name = shown + "/" + f.getFileName();
      try {
        Path real = f.toRealPath();
        if (!real.startsWith(root) || !Files.isRegularFile(real)) {
          problems.add(name + ": a link to something outside the bank directory, or not a regular file; not read");
          continue;
        }
        if (Files.size(real) > MAX_FILE_BYTES) {
          problems.add(name + ": larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB; not read");
          continue;
        }
        parseFile(name, Files.readString(real));
      } catch (IOException e) {
        problems.add(name + ": cannot read");
        LOG.warning("cannot read bank file " + f.toAbsolutePath() + ": " + e);
      }
    }
    if (problems.size() > before) {
      LOG.warning("bank directory " + shown + " is " + dir.toAbsolutePath());
    }
  }

  private void parseFile(String file, String text) {
    JsonObject root;
    try {
      root = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      // the parser's message quotes the text it choked on: give only where, never what
      java.util.regex.Matcher at = JSON_AT.matcher(String.valueOf(e.getMessage()));
      problems.add(file + ": not a JSON object" + (at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")"
          : ""));
      return;
    }
    for (String k : root.fieldNames()) {
      if (!FILE_FIELDS.contains(k)) {
        problems.add(file + ": unknown top-level field '" + k + "' (allowed: " + FILE_FIELDS + ")");
      }
    }
    String bankName = root.getValue("bank") instanceof String s && !s.isBlank() ? s : stem(file);
    Object rawCards = root.getValue("cards");
    if (!(rawCards instanceof JsonArray arr) || arr.isEmpty()) {
      problems.add(file + ": field 'cards' must be a non-empty array");
      return;
    }
    int before = cards.size();
    for (int i = 0; i < arr.size(); i++) {
      Object o = arr.getValue(i);
      if (!(o instanceof JsonObject c)) {
        problems.add(file + ": cards[" + i + "] must be an object");
        continue;
      }
      Card card = new CardReader(file, i, bankName, c).read();
      if (card != null) {
        String earlier = idSource.putIfAbsent(card.id(), file);
        if (earlier != null) {
          problems.add(file + ": card '" + card.id() + "': duplicate id (already defined in " + earlier + ")");
        } else {
          cards.add(card);
        }
      }
    }
    String title = root.getValue("title") instanceof String t && !t.isBlank() ? t.strip() : bankName;
    sources.add(new Bank.Source(bankName, title, file, cards.size() - before));
  }

  private static String stem(String file) {
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf(':')) + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  /** Reads one card, adding a problem per bad field. */
  private final class CardReader {
    private final String file;
    private final JsonObject c;
    private final String bankName;
    private final String label;
    private boolean ok = true;

    CardReader(String file, int index, String bankName, JsonObject c) {
      this.file = file;
      this.c = c;
      this.bankName = bankName;
      Object id = c.getValue("id");
      this.label = id instanceof String s ? "card '" + s + "'" : "cards[" + index + "]";
    }

    Card read() {
      for (String k : c.fieldNames()) {
        if (!CARD_FIELDS.contains(k)) {
          fail(k, "unknown field (allowed: " + CARD_FIELDS + ")");
        }
      }
      String id = text("id", true, 80);
      if (id != null && !ID.matcher(id).matches()) {
        fail("id", "must be 2-80 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
      }
      String question = text("question", true, 400);
      List<String> aliases = strings("aliases", false, 0, 400);
      String category = text("category", true, 80);
      String fw = text("framework", true, 20);
      Framework framework = null;
      if (fw != null) {
        try {
          framework = Framework.valueOf(fw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          fail("framework", "must be STAR, CAR, TECHNICAL or DESIGN, got '" + fw + "'");
        }
      }
      String difficulty = text("difficulty", false, 10);
      if (difficulty == null) {
        difficulty = "medium";
      } else if (!DIFFICULTIES.contains(difficulty)) {
        fail("difficulty", "must be easy, medium or hard, got '" + difficulty + "'");
      }
      String answer = text("answer", true, 4000);
      List<KeyPoint> points = keyPoints();
      List<String> followUps = strings("followUps", false, 0, 400);
      String clarify = text("clarify", false, 400);
      List<String> reminders = strings("reminders", false, 0, 200);
      List<String> tags = strings("tags", false, 0, 60);
      if (!ok) {
        return null;
      }
      if (reminders.isEmpty()) {
        reminders = DEFAULT_REMINDERS.get(framework);
      }
      List<String> lowerTags = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
      return new Card(id, bankName, question, aliases, category, framework, difficulty, answer, points, followUps,
          clarify, reminders, lowerTags);
    }

    private List<KeyPoint> keyPoints() {
      Object raw = c.getValue("keyPoints");
      if (!(raw instanceof JsonArray arr) || arr.isEmpty() || arr.size() > 8) {
        fail("keyPoints", "must be an array of 1 to 8 key points");
        return List.of();
      }
      List<KeyPoint> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        String field = "keyPoints[" + i + "]";
        if (!(arr.getValue(i) instanceof JsonObject p)) {
          fail(field, "must be an object with 'text' and 'terms'");
          continue;
        }
        for (String k : p.fieldNames()) {
          if (!POINT_FIELDS.contains(k)) {
            fail(field + "." + k, "unknown field (allowed: " + POINT_FIELDS + ")");
          }
        }
        String text = p.getValue("text") instanceof String s && !s.isBlank() ? s.trim() : null;
        if (text == null) {
          fail(field + ".text", "must be a non-empty string");
        }
        List<String> terms = new ArrayList<>();
        if (p.getValue("terms") instanceof JsonArray t && !t.isEmpty()) {
          for (Object term : t) {
            if (term instanceof String s && !s.isBlank()) {
              terms.add(s.trim());
            } else {
              fail(field + ".terms", "must contain only non-empty strings");
            }
          }
        } else {
          fail(field + ".terms", "must be a non-empty array of words or phrases that show the point was made");
        }
        if (text != null) {
          out.add(new KeyPoint(text, List.copyOf(terms)));
        }
      }
      return List.copyOf(out);
    }

    private String text(String field, boolean required, int maxLen) {
      Object v = c.getValue(field);
      if (v == null) {
        if (required) {
          fail(field, "is required");
        }
        return null;
      }
      if (!(v instanceof String s) || s.isBlank()) {
        fail(field, "must be a non-empty string");
        return null;
      }
      if (s.length() > maxLen) {
        fail(field, "must be at most " + maxLen + " characters");
        return null;
      }
      return s.trim();
    }

    private List<String> strings(String field, boolean required, int min, int maxLen) {
      Object v = c.getValue(field);
      if (v == null) {
        if (required) {
          fail(field, "is required");
        }
        return List.of();
      }
      if (!(v instanceof JsonArray arr) || arr.size() < min) {
        fail(field, "must be an array of strings");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Object o : arr) {
        if (!(o instanceof String s) || s.isBlank() || s.length() > maxLen) {
          fail(field, "must contain only non-empty strings of at most " + maxLen + " characters");
          return List.of();
        }
        out.add(s.trim());
      }
      return List.copyOf(out);
    }

    private void fail(String field, String message) {
      ok = false;
      problems.add(file + ": " + label + ": field '" + field + "' " + message);
    }
  }
}

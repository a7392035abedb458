package dev.cuecard.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class BankLoaderTest {
  @TempDir
  Path dir;

  public static JsonObject card(String id) {
    return new JsonObject().put("id", id).put("question", "What is " + id + "?").put("category", "Test")
        .put("framework", "TECHNICAL").put("answer", "An answer.")
        .put("keyPoints", new JsonArray().add(new JsonObject().put("text", "a point").put("terms", new JsonArray().add("term"))))
        .put("followUps", new JsonArray().add("And then?")).put("tags", new JsonArray().add("Test"));
  }

  public static String file(JsonObject... cards) {
    return new JsonObject().put("bank", "t").put("cards", new JsonArray(List.of((Object[]) cards))).encodePrettily();
  }

  @Test
  void theBundledBankIsValidAndCoversTheSeedTopics() {
    Bank bank = BankLoader.load(true, List.of());
    assertTrue(bank.size() >= 400, "at least 400 cards, got " + bank.size());
    Set<String> categories = new HashSet<>();
    for (Card c : bank.cards()) {
      categories.add(c.category());
      assertTrue(c.keyPoints().size() >= 3 && c.keyPoints().size() <= 6, c.id() + " has 3-6 key points");
      assertFalse(c.reminders().isEmpty(), c.id());
      assertTrue(c.followUps().size() >= 2 && c.followUps().size() <= 4, c.id() + " has 2-4 follow-ups");
      assertTrue(c.answer().length() >= 80, c.id() + " has a model answer outline");
      assertFalse(c.tags().isEmpty(), c.id());
    }
    for (String topic : List.of("Django ORM", "Django core", "DRF", "Python", "System design", "Behavioural",
        "Projects", "Security", "Auth", "Forms", "Admin", "Settings", "Caching", "Testing", "Tooling",
        "Background jobs", "Coding scenario", "Debugging scenario", "Deployment", "Databases")) {
      assertTrue(categories.contains(topic), "covers " + topic + ": " + categories);
    }
    assertTrue(bank.cards().stream().anyMatch(c -> c.framework() == Card.Framework.STAR));
    assertTrue(bank.cards().stream().anyMatch(c -> c.framework() == Card.Framework.CAR));
  }

  @Test
  void aValidFileLoadsWithDefaults() {
    Bank b = BankLoader.parse("mine.json", file(card("my-card")));
    Card c = b.get("my-card");
    assertEquals("t", c.bank());
    assertEquals("medium", c.difficulty());
    assertEquals(List.of("test"), c.tags(), "tags are lower-cased");
    assertFalse(c.reminders().isEmpty(), "framework reminders fill in when a card has none");
  }

  @Test
  void everyProblemNamesFileCardAndField() {
    JsonObject noQuestion = card("no-question");
    noQuestion.remove("question");
    JsonObject badFramework = card("bad-fw").put("framework", "SWOT");
    JsonObject typo = card("typo").put("folowUps", new JsonArray());
    JsonObject badPoints = card("bad-points").put("keyPoints", new JsonArray().add(new JsonObject().put("text", "x")));
    JsonObject badId = card("Bad Id!");
    BankException e = assertThrows(BankException.class,
        () -> BankLoader.parse("topic.json", file(noQuestion, badFramework, typo, badPoints, badId)));
    List<String> p = e.problems();
    assertEquals(5, p.size(), String.join("\n", p));
    assertTrue(p.get(0).startsWith("topic.json: card 'no-question': field 'question' is required"), p.get(0));
    assertTrue(p.get(1).contains("card 'bad-fw': field 'framework' must be STAR, CAR, TECHNICAL or DESIGN"), p.get(1));
    assertTrue(p.get(2).contains("card 'typo': field 'folowUps' unknown field"), p.get(2));
    assertTrue(p.get(3).contains("card 'bad-points': field 'keyPoints[0].terms'"), p.get(3));
    assertTrue(p.get(4).contains("card 'Bad Id!': field 'id'"), p.get(4));
  }

  @Test
  void duplicateIdsAcrossFilesAreRejected() throws Exception {
    Files.writeString(dir.resolve("a.json"), file(card("same")));
    Files.writeString(dir.resolve("b.json"), file(card("same")));
    BankException e = assertThrows(BankException.class, () -> BankLoader.load(false, List.of(dir)));
    assertTrue(e.getMessage().contains("b.json: card 'same': duplicate id (already defined in "), e.getMessage());
    assertTrue(e.getMessage().contains("a.json"), e.getMessage());
  }

  @Test
  void brokenFilesAndMissingDirsAreReported() throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{\"cards\": [");
    Files.writeString(dir.resolve("empty.json"), "{\"cards\": []}");
    BankException e = assertThrows(BankException.class,
        () -> BankLoader.load(false, List.of(dir, dir.resolve("nope"))));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("broken.json: not a JSON object"));
    assertTrue(e.getMessage().contains("empty.json: field 'cards' must be a non-empty array"));
    assertTrue(e.getMessage().contains("nope: bank directory does not exist"));
  }

  @Test
  void userBanksAddToTheBundledOne() throws Exception {
    Files.writeString(dir.resolve("mine.json"), file(card("my-own-question")));
    Bank b = BankLoader.load(true, List.of(dir));
    assertEquals(BankLoader.load(true, List.of()).size() + 1, b.size());
    assertEquals("my-own-question", b.get("my-own-question").id());
  }
}

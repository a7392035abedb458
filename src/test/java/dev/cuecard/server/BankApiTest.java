package dev.cuecard.server;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browsing and searching the bank, and user banks reloaded without a restart. */
@ExtendWith(VertxExtension.class)
class BankApiTest {
  @TempDir
  Path dir;
  Path cards;
  TestServer server;
  String token;

  static String bankFile(String id, String question) {
    JsonObject card = new JsonObject().put("id", id).put("question", question).put("category", "Team practices")
        .put("framework", "TECHNICAL").put("answer", "Our own answer.").put("difficulty", "hard")
        .put("keyPoints", new JsonArray().add(new JsonObject().put("text", "point").put("terms", new JsonArray().add("x"))))
        .put("tags", new JsonArray().add("kanban"));
    return new JsonObject().put("bank", "team").put("title", "Our team's questions")
        .put("cards", new JsonArray().add(card)).encodePrettily();
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    cards = Files.createDirectories(dir.resolve("cards"));
    Files.writeString(cards.resolve("team.json"), bankFile("team-kanban", "How does your team use kanban boards?"));
    Config config = Config.builder()
        .set(ConfigKey.SERVER_PORT, 0)
        .set(ConfigKey.DATA_DIR, dir.resolve("data").toString())
        .set(ConfigKey.AUTH_PASSWORD_ITERATIONS, 1000)
        .set(ConfigKey.MATCH_SEMANTIC, false)
        .set(ConfigKey.BANK_DIRS, cards.toString())
        .set(ConfigKey.BANK_RELOAD_SECONDS, 1)
        .build();
    server = TestServer.start(vertx, config);
    token = server.newUser();
  }

  @AfterEach
  void stop() {
    if (server != null) { // null when the test was skipped before its server started
      server.close();
    }
  }

  private JsonObject get(String path) {
    TestServer.Response r = server.call("GET", path, token, (String) null);
    assertEquals(200, r.status(), path + " " + r.body());
    return r.json();
  }

  @Test
  void banksAndQuestionsCanBeBrowsedAndSearched() {
    JsonObject banks = get("/api/banks");
    assertTrue(banks.getInteger("cards") >= 41);
    assertTrue(banks.getJsonArray("banks").stream().anyMatch(b ->
        "Our team's questions".equals(((JsonObject) b).getString("title"))));
    assertTrue(banks.getJsonArray("categories").contains("Django ORM"));

    JsonArray found = get("/api/questions?q=select%20related%20versus%20prefetch").getJsonArray("questions");
    assertEquals("orm-select-vs-prefetch", found.getJsonObject(0).getString("id"));
    assertTrue(found.getJsonObject(0).getDouble("score") > 0);

    JsonArray behavioural = get("/api/questions?category=behavioural&limit=500").getJsonArray("questions");
    assertTrue(behavioural.size() >= 5);
    assertTrue(behavioural.stream().allMatch(q -> "Behavioural".equals(((JsonObject) q).getString("category"))));
    JsonArray hard = get("/api/questions?bank=team&difficulty=hard").getJsonArray("questions");
    assertEquals(1, hard.size());
    assertEquals(2, get("/api/questions?limit=2").getJsonArray("questions").size());

    assertEquals("team-kanban", get("/api/questions/team-kanban").getString("id"));
    assertEquals(404, server.call("GET", "/api/questions/nope", token, (String) null).status());
    assertEquals(400, server.call("GET", "/api/questions?limit=0", token, (String) null).status());
    assertEquals(400, server.call("GET", "/api/questions?limit=lots", token, (String) null).status());
    assertEquals(401, server.call("GET", "/api/banks", null, (String) null).status());
  }

  @Test
  void aChangedUserBankIsReindexedAndABrokenOneKeepsTheOldIndexServing() throws Exception {
    Files.writeString(cards.resolve("more.json"), bankFile("team-retro", "How do you run a sprint retrospective?"));
    waitFor(() -> server.call("GET", "/api/questions/team-retro", token, (String) null).status() == 200);

    String session = server.newSession(token);
    try (WsClient ws = WsClient.connect(server, token, session)) {
      ws.snippet("interviewer", "so how do you run a sprint retrospective", true, 1);
      assertEquals("team-retro", ws.next("cue").getJsonObject("card").getString("id"), "live sessions use it at once");
    }

    Files.writeString(cards.resolve("more.json"), "{\"cards\": [{\"id\": \"team-retro\"}]}");
    waitFor(() -> "degraded".equals(server.call("GET", "/health", null, (String) null).json().getString("status")));
    JsonObject health = server.call("GET", "/health", null, (String) null).json();
    assertTrue(health.getString("bankError").contains("more.json: card 'team-retro': field 'question' is required"),
        health.encode());
    assertEquals(200, server.call("GET", "/api/questions/team-retro", token, (String) null).status(),
        "the previous index keeps serving");

    Files.delete(cards.resolve("more.json"));
    waitFor(() -> "up".equals(server.call("GET", "/health", null, (String) null).json().getString("status")));
    assertEquals(404, server.call("GET", "/api/questions/team-retro", token, (String) null).status());
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(100);
    }
  }
}

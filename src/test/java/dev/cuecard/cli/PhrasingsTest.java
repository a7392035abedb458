package dev.cuecard.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cuecard eval --phrasings} names the phrasings of a bank that bring another card. */
class PhrasingsTest {
  @TempDir
  Path dir;

  private static JsonObject card(String id, String question, String... aliases) {
    return new JsonObject().put("id", id).put("question", question)
        .put("aliases", new JsonArray(java.util.List.of((Object[]) aliases)))
        .put("category", "Our stack").put("framework", "TECHNICAL").put("answer", "Say what the runbook says, in order.")
        .put("keyPoints", new JsonArray().add(new JsonObject().put("text", "the runbook")
            .put("terms", new JsonArray().add("runbook"))));
  }

  private void bank(JsonObject... cards) throws Exception {
    Files.writeString(dir.resolve("team.json"), new JsonObject().put("bank", "team").put("title", "Team questions")
        .put("cards", new JsonArray(java.util.List.of((Object[]) cards))).encodePrettily());
  }

  /** {@code cuecard eval --phrasings} on the bank in {@link #dir} alone, by words. */
  private String check() {
    return CliRunner.run("eval", "--phrasings", "--no-bundled", "--bank-dir", dir.toString());
  }

  @Test
  void aPhrasingCopiedOntoASecondCardIsNamed() throws Exception {
    bank(card("ledger-freeze", "When does the ledger freeze window start?"),
        card("ledger-rollback", "How do we roll back a ledger release?", "When does the ledger freeze window start?"));
    String out = check();
    assertTrue(out.contains("3 asked (every card's question and aliases), 1 bring another card"), out);
    assertTrue(out.contains("ledger-rollback: \"When does the ledger freeze window start?\" -> ledger-freeze("), out);
  }

  @Test
  void aBankWithoutOverlapsHasNone() throws Exception {
    bank(card("ledger-freeze", "When does the ledger freeze window start?"),
        card("ledger-rollback", "How do we roll back a ledger release?", "What is the rollback plan for the ledger?"));
    assertTrue(check().contains("3 asked (every card's question and aliases), 0 bring another card"));
  }
}

package dev.cuecard.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cuecard eval FILE --calibration}: how often the first card by words is right, by its score's band. */
class CalibrationTest {
  @TempDir
  Path dir;

  private static JsonObject card(String id, String question) {
    return new JsonObject().put("id", id).put("question", question).put("category", "Our stack")
        .put("framework", "TECHNICAL").put("answer", "Say what the runbook says, in order.")
        .put("keyPoints", new JsonArray().add(new JsonObject().put("text", "the runbook")
            .put("terms", new JsonArray().add("runbook"))));
  }

  private Path files() throws Exception {
    Files.writeString(dir.resolve("team.json"), new JsonObject().put("bank", "team").put("title", "Team questions")
        .put("cards", new JsonArray(List.of(card("ledger-freeze", "When does the ledger freeze window start?"),
            card("pager-rota", "Who is on the pager rota this week?")))).encodePrettily());
    Path lines = dir.resolve("lines.jsonl");
    Files.writeString(lines, String.join("\n",
        // asked as written and labelled with its card: right, in the top band
        "{\"text\": \"when does the ledger freeze window start\", \"expect\": [\"ledger-freeze\"]}",
        // the same words labelled with the other card: the first card by words is wrong, in the top band
        "{\"text\": \"when does the ledger freeze window start\", \"expect\": [\"pager-rota\"]}",
        // no word shared with any card: a miss in the lowest band
        "{\"text\": \"what colour is the sky\", \"expect\": [\"pager-rota\"]}",
        // a no-cue line and a candidate's line are not counted
        "{\"text\": \"thanks for joining\", \"expect\": null}",
        "{\"text\": \"who is on the pager rota\", \"speaker\": \"candidate\", \"expect\": null}"));
    return lines;
  }

  @Test
  void eachBandCountsTheFirstCardsRightAndAsked() throws Exception {
    String out = CliRunner.run("eval", files().toString(), "--calibration", "--no-bundled",
        "--bank-dir", dir.toString());
    assertTrue(out.startsWith("first card by words: right of, by lexical score\n"), out);
    assertTrue(out.contains("  >= 0.8    1/2\n"), out);
    assertTrue(out.contains("  < 0.4     0/1\n"), out);
    assertTrue(out.contains("  0.7-0.8   0/0\n"), out);
    // without --semantic there is no table by meaning
    assertTrue(!out.contains("by meaning"), out);
  }

  @Test
  void calibrationIsOneReportOfItsOwn() throws Exception {
    String said = CliRunner.refused(2, "eval", files().toString(), "--calibration", "--features");
    assertTrue(said.contains("--features and --calibration are two reports"), said);
  }
}

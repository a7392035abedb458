package dev.cuecard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cuecard eval FILE --typed}: the interviewer's lines as typed into the overlay, where a topic named alone is asked. */
class TypedEvalTest {
  @TempDir
  Path dir;

  private Path lines() throws Exception {
    Path lines = dir.resolve("lines.jsonl");
    Files.writeString(lines, String.join("\n",
        "{\"text\": \"mixins in python\", \"expect\": [\"django-cbv-mixins\"]}",
        "{\"text\": \"what is a decorator in python\", \"expect\": [\"py-decorators\"]}",
        // one word alone: asked when typed, as into a search box; said alone, it names nothing
        "{\"text\": \"generators\", \"expect\": [\"py-generators\"]}",
        // a remark stays a remark, typed or not; the candidate's lines are never read as typed questions
        "{\"text\": \"nice, thanks\", \"expect\": null}",
        "{\"text\": \"mixins in python\", \"speaker\": \"candidate\", \"expect\": null}"));
    return lines;
  }

  @Test
  void aTopicNamedAloneIsAskedOnlyWhenTyped() throws Exception {
    String heard = CliRunner.run("eval", lines().toString());
    assertTrue(heard.contains("top-1 accuracy   33.3% (1/3)"), heard);
    String typed = CliRunner.run("eval", lines().toString(), "--typed", "--verbose");
    assertTrue(typed.contains("top-1 accuracy   100.0% (3/3)"), typed);
    assertTrue(typed.contains("false cues       0.0% (0/2)"), typed);
  }

  @Test
  void aSlipOfTheKeyboardIsReadAsTheWordMeantOnlyWhenTyped() throws Exception {
    Path slips = dir.resolve("slips.jsonl");
    Files.writeString(slips, String.join("\n",
        "{\"text\": \"what is a decortor in python\", \"expect\": [\"py-decorators\"]}",
        "{\"text\": \"what does yeild do in python\", \"expect\": [\"py-generators\"]}"));
    String heard = CliRunner.run("eval", slips.toString());
    assertTrue(heard.contains("top-1 accuracy   0.0% (0/2)"), heard);
    String typed = CliRunner.run("eval", slips.toString(), "--typed");
    assertTrue(typed.contains("top-1 accuracy   100.0% (2/2)"), typed);
  }

  @Test
  void typedReadsQuestionFilesOnly() throws Exception {
    String said = CliRunner.refused(2, "eval", lines().toString(), "--typed", "--followups");
    assertTrue(said.contains("--typed reads a question file's lines as typed"), said);
  }
}

package dev.cuecard.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad flag values stop a command with exit code 2 and a message naming command, flag and value. */
class ArgsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "eval x.jsonl --threshold 5 | eval: --threshold must be a number from 0 to 1, got '5'",
      "eval x.jsonl --threshold abc | eval: --threshold must be a number from 0 to 1, got 'abc'",
      "eval x.jsonl --threshold | eval: --threshold needs a value",
      "loadgen --reworded -0.1 | loadgen: --reworded must be a number from 0 to 1, got '-0.1'",
      "eval /no/such/file.jsonl | cannot read /no/such/file.jsonl",
      "eval x.jsonl --followups --blind | eval: --followups measures follow-ups only; it does not take --blind",
      "eval x.jsonl --features --followups | eval: --followups measures follow-ups only; it does not take --features",
      "eval x.jsonl --phrasings | eval --phrasings checks the bank itself; it takes no FILE",
      "eval --semantic | eval needs a FILE.jsonl (or --phrasings)",
  })
  void badValuesAreNamed(String command, String message) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Main.run(command.split(" "), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, rc);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(message), err.toString(StandardCharsets.UTF_8));
  }
}

package dev.cuecard.match;

import dev.cuecard.bank.BankLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards matching quality on the labelled sets in src/test/resources/eval (docs/matching.md).
 * The floors are the figures reached when they were written; a change that drops below them
 * is a regression.
 */
class EvalTest {
  static Matcher matcher;
  static SemanticIndex semantic;

  @BeforeAll
  static void build() {
    matcher = new Matcher(BankLoader.load(true, List.of()), 0.5);
    semantic = SemanticIndex.build(matcher);
  }

  static List<Eval.Line> lines(String name) throws Exception {
    return Eval.parse(Files.readAllLines(Path.of("src/test/resources/eval", name)));
  }

  private static void check(Eval.Report r, double accuracy) {
    assertTrue(r.accuracy() >= accuracy, "top-1 " + r.accuracy() + " fell below " + accuracy + "\n" + r.format());
    assertTrue(r.falseCueRate() <= 0.02, "false cues " + r.falseCueRate() + "\n" + r.format());
  }

  @Test
  void theSetsAreBigEnough() throws Exception {
    List<Eval.Line> dev = lines("dev.jsonl");
    assertTrue(dev.size() >= 200, "dev set has " + dev.size() + " lines");
    assertTrue(dev.stream().filter(l -> !l.positive()).count() >= 50, "dev set has chit-chat and candidate lines");
    assertTrue(lines("test.jsonl").size() >= 100);
  }

  @Test
  void lexicalOnly() throws Exception {
    check(Eval.run(matcher, lines("dev.jsonl")), 0.79);
    check(Eval.run(matcher, lines("test.jsonl")), 0.86);
  }

  @Test
  void withTheSemanticFallback() throws Exception {
    check(Eval.run(matcher, semantic, lines("dev.jsonl")), 0.85);
    Eval.Report test = Eval.run(matcher, semantic, lines("test.jsonl"));
    check(test, 0.93);
    assertTrue(test.accuracy() >= 0.90, "the held-out target");
  }

  @Test
  void theLoadGeneratorsRewordedQuestionsNeedTheFallback() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("src/main/resources/loadgen/reworded.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertTrue(lines.size() >= 10);
    for (String l : lines) {
      assertTrue(matcher.match(l, true).isEmpty(), "the lexical path places '" + l + "'");
      assertTrue(QuestionDetector.isQuestion(l) && semantic.match(l).isPresent(), "no semantic cue for '" + l + "'");
    }
  }

  @Test
  void hitsAndParsing() {
    List<Eval.Line> l = Eval.parse(List.of("# comment", "", "{\"text\": \"what is a decorator\", \"expect\": [\"Decorator\"]}",
        "{\"text\": \"hi\", \"speaker\": \"candidate\", \"expect\": null}"));
    assertEquals(2, l.size());
    assertEquals(List.of("decorator"), l.get(0).expect());
    assertTrue(l.get(0).positive());
    assertTrue(!l.get(1).positive());
    Eval.Report r = Eval.run(matcher, l);
    assertEquals(1, r.top1());
    assertEquals(1.0, r.mrr5());
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("{\"text\": 5}")));
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("{\"text\": \"x\", \"speaker\": \"bot\"}")));
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("{\"text\": \"x\", \"expect\": []}")));
    assertThrows(IllegalArgumentException.class, () -> Eval.parse(List.of("not json")));
  }
}

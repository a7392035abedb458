package dev.cuecard.bank;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bundled bank file survives YAML and Markdown and back, card for card; a broken one names the line. */
class BankFormatsTest {
  private static List<String> bundledFiles() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : resource("bank/index.txt").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line.strip());
      }
    }
    return out;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = BankFormatsTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyBundledBankRoundTripsThroughYamlAndMarkdown() throws IOException {
    int cards = 0;
    for (String file : bundledFiles()) {
      JsonObject json = new JsonObject(resource("bank/" + file));
      List<Card> original = BankLoader.parse(file, json.encode()).cards();
      for (BankFormats.Format f : List.of(BankFormats.Format.YAML, BankFormats.Format.MARKDOWN)) {
        JsonObject back = BankFormats.read(f, BankFormats.write(f, json));
        List<Card> again = BankLoader.parse(file, back.encode()).cards();
        assertEquals(original, again, file + " through " + f);
      }
      cards += original.size();
    }
    assertTrue(cards >= 400, "the whole bundled bank: " + cards);
  }

  @Test
  void aBrokenMarkdownFileNamesTheLine() {
    String md = "# Team\nbank: team\n\n## What is our deploy checklist?\nid: deploy\ncolour: blue\n\nAnswer.\n\n"
        + "### Key pints\n- x | y\n";
    BankException e = assertThrows(BankException.class, () -> BankFormats.read(BankFormats.Format.MARKDOWN, md));
    assertTrue(e.problems().get(0).startsWith("line 6: unknown field 'colour'"), e.problems().toString());
    assertTrue(e.problems().get(1).startsWith("line 10: unknown list 'Key pints'"), e.problems().toString());
    BankException y = assertThrows(BankException.class, () -> BankFormats.read(BankFormats.Format.YAML, "bank: [x"));
    assertTrue(y.problems().get(0).startsWith("not valid YAML (line"), y.problems().toString());
  }
}

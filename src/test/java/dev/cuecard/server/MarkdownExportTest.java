package dev.cuecard.server;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.json.JsonObject;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Markdown export renders user text as the same characters (but for an invisible zero-width
 * space and a full-width "＠" that stop automatic links) and nothing else, in a
 * CommonMark renderer with GitHub's autolink, strikethrough and table extensions: no link,
 * image, raw HTML, emphasis, code, heading or list can come from a title, an utterance or a note.
 */
class MarkdownExportTest extends SessionTestBase {
  private static final List<Extension> GFM = List.of(AutolinkExtension.create(), StrikethroughExtension.create(),
      TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(GFM).build();
  private static final String[] PIECES = {"[", "]", "(", ")", "!", "<", ">", "script", "img src=x", "http://", "https://",
      "www.", "evil.example", "@", "mail", "*", "_", "**", "`", "```", "~~", "#", "|", "-", "+", "=", "1.", "&amp;",
      "&#60;", "\\", ":", "\n", "\r\n", "\u2028", "\t", "    ", " ", "a", "word", "é", "😀", "javascript:alert(1)",
      "<a href=x>", "</p>", "---", "> ", "[x]: http://x", "{", "}", "%", "'", "\"", "."};

  @Test
  void randomUserTextStaysInertInEveryRenderer() {
    long seed = Long.getLong("cuecard.fuzz.seed", 20261125L); // -Dcuecard.fuzz.seed=N tries others
    Random random = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int k = 0; k < n; k++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String input = sb.toString();
      String line = "**Candidate:** " + MarkdownText.escape(input);
      Node doc = PARSER.parse(line);
      String html = HTML.render(doc);
      String where = " (seed " + seed + ", input " + new JsonObject().put("s", input).encode() + ")";
      assertTrue(html.startsWith("<p><strong>Candidate:</strong> ") || html.equals("<p><strong>Candidate:</strong></p>\n"),
          html + where);
      String inner = html.substring("<p><strong>Candidate:</strong>".length(), html.length() - "</p>\n".length());
      assertFalse(inner.contains("<"), "markup from user text: " + html + where);
      String expected = input.replaceAll("[\\u0000-\\u0008\\u000e-\\u001f\\u007f]", "")
          .replaceAll("[\\r\\n\\u000b\\u000c\\u0085\\u2028\\u2029]+", " ").strip();
      String shown = TEXT.render(doc).substring("Candidate: ".length() - 1).replace("\u200b", "").replace('\uff20', '@').strip();
      assertEquals(expected.replaceAll("[ \\t]+", " "), shown.replaceAll("[ \\t]+", " "), "text changed" + where);
    }
  }

  @Test
  void theExportEscapesTitleUtterancesAndNotes() {
    String evil = "Offer <img src=x onerror=alert(1)> [click](http://evil.example) www.evil.example **now**";
    String id = server.call("POST", "/api/sessions", token, new JsonObject().put("title", "# " + evil)).json()
        .getString("id");
    try (WsClient ws = WsClient.connect(server, token, id)) {
      ws.snippet("candidate", evil, true, 1);
      ws.next("ack");
      ws.send(new JsonObject().put("type", "note").put("text", "see <script>x</script> mail@evil.example"));
      ws.next("note");
    }
    TestServer.Response md = server.call("GET", "/api/sessions/" + id + "/transcript?format=md", token, (String) null);
    assertEquals(200, md.status());
    String html = HTML.render(PARSER.parse(md.body()));
    for (String bad : List.of("<a ", "<img", "<script", "<em>", "<h2", "<strong>now")) {
      assertFalse(html.contains(bad), bad + " in " + html);
    }
    assertTrue(html.startsWith("<h1>"), "the title is the one heading: " + html);
    assertTrue(TEXT.render(PARSER.parse(md.body())).replace("\u200b", "").replace('\uff20', '@').contains(evil), "the text is all there");
  }
}

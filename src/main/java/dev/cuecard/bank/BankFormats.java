package dev.cuecard.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;

/**
 * A bank file in the three shapes the bank editor imports and exports: JSON (the bank file
 * itself), YAML (the same fields), and Markdown ({@link BankMarkdown}). Each is read into the
 * JSON bank file, which then gets the usual checks.
 */
public final class BankFormats {
  public enum Format { JSON, YAML, MARKDOWN }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build()); // "429" stays a string

  private BankFormats() {
  }

  /** The format a name names (json, yaml or yml, md or markdown), or null. */
  public static Format parse(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "json" -> Format.JSON;
      case "yaml", "yml" -> Format.YAML;
      case "md", "markdown" -> Format.MARKDOWN;
      default -> null;
    };
  }

  /** Reads a bank file in {@code format}; throws {@link BankException} saying where it went wrong. */
  public static JsonObject read(Format format, String text) {
    try {
      return switch (format) {
        case JSON -> new JsonObject(text);
        case YAML -> fromYaml(text);
        case MARKDOWN -> BankMarkdown.read(text);
      };
    } catch (DecodeException | ClassCastException e) {
      throw new BankException(List.of("not a JSON object"));
    }
  }

  public static String write(Format format, JsonObject bank) {
    return switch (format) {
      case JSON -> bank.encodePrettily();
      case YAML -> toYaml(bank);
      case MARKDOWN -> BankMarkdown.write(bank);
    };
  }

  private static JsonObject fromYaml(String text) {
    try {
      JsonNode node = YAML.readTree(text);
      if (node == null || !node.isObject()) {
        throw new BankException(List.of("a YAML bank file is a mapping with bank, title and cards"));
      }
      return new JsonObject(JSON.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      // the location, not the parser's message (which may quote the text)
      throw new BankException(List.of("not valid YAML" + (e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
    }
  }

  private static String toYaml(JsonObject bank) {
    try {
      return YAML.writeValueAsString(JSON.readTree(bank.encode()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.cuecard.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {
  @TempDir
  Path dir;

  @Test
  void defaultsNeedNoSetup() {
    Config c = Config.load(Map.of(), List.of("--config", write("{}")));
    assertEquals(8080, c.integer(ConfigKey.SERVER_PORT));
    assertEquals("127.0.0.1", c.string(ConfigKey.SERVER_HOST));
    assertEquals("./data", c.string(ConfigKey.DATA_DIR));
    assertEquals(16 * 1024, c.integer(ConfigKey.WS_MAX_MESSAGE_BYTES));
    assertTrue(c.list(ConfigKey.BANK_DIRS).isEmpty());
    assertTrue(c.bool(ConfigKey.BANK_BUNDLED));
  }

  @Test
  void fileThenEnvThenFlags() {
    String file = write("{\"server\": {\"port\": 9000, \"host\": \"0.0.0.0\"}, \"data\": {\"dir\": \"/srv/cc\"},"
        + " \"bank\": {\"dirs\": [\"/a\", \"/b\"]}, \"ws\": {\"maxMessageBytes\": 4096}}");
    Map<String, String> env = Map.of("CUECARD_SERVER_PORT", "9100", "CUECARD_WS_RATE_PER_SECOND", "5",
        "CUECARD_WS_RATE_BURST", "10", "HOME", "/root");
    Config c = Config.load(env, List.of("--config", file, "--port", "9200", "--ws.maxMessageBytes=2048"));
    assertEquals(9200, c.integer(ConfigKey.SERVER_PORT), "flag beats env beats file");
    assertEquals("0.0.0.0", c.string(ConfigKey.SERVER_HOST), "file beats default");
    assertEquals("/srv/cc", c.string(ConfigKey.DATA_DIR));
    assertEquals(List.of("/a", "/b"), c.list(ConfigKey.BANK_DIRS));
    assertEquals(5, c.integer(ConfigKey.WS_RATE_PER_SECOND));
    assertEquals(2048, c.integer(ConfigKey.WS_MAX_MESSAGE_BYTES));
    Config viaEnvList = Config.load(Map.of("CUECARD_BANK_DIRS", "/x, /y", "CUECARD_CONFIG", file), List.of());
    assertEquals(List.of("/x", "/y"), viaEnvList.list(ConfigKey.BANK_DIRS));
  }

  @Test
  void badValuesFailFastNamingTheKeyAndSource() {
    assertMessage(() -> Config.load(Map.of("CUECARD_SERVER_PORT", "eighty"), List.of("--config", write("{}"))),
        "server.port", "env CUECARD_SERVER_PORT", "eighty");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{\"server\": {\"port\": 70000}}"))),
        "server.port", "between 0 and 65535");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{\"server\": {\"prot\": 1}}"))),
        "unknown config key 'server.prot'");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{\"match\": {\"threshold\": \"high\"}}"))),
        "match.threshold", "must be a number");
    assertMessage(() -> Config.load(Map.of("CUECARD_SERVR_PORT", "1"), List.of("--config", write("{}"))),
        "unknown environment variable CUECARD_SERVR_PORT");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{}"), "--colour", "blue")),
        "unknown flag --colour");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{}"), "--port")), "--port needs a value");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{not json"))), "not valid JSON");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", dir.resolve("missing.json").toString())),
        "does not exist");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{}"), "--auth.allowRegistration=maybe")),
        "auth.allowRegistration", "true or false");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{}"), "--auth.jwtSecret=short")),
        "auth.jwtSecret", "32");
    assertMessage(() -> Config.load(Map.of(), List.of("--config", write("{}"),
        "--server.allowedOrigins=localhost:8080")), "server.allowedOrigins", "http://host:port");
    assertMessage(() -> Config.load(Map.of("CUECARD_STORE_URL", "mysql://db/cuecard"), List.of("--config", write("{}"))),
        "store.url", "postgresql://user@host:5432/cuecard", "mysql://db/cuecard");
    Config pg = Config.load(Map.of("CUECARD_STORE_URL", "postgresql://cc@db.internal:5432/cuecard",
        "CUECARD_STORE_PASSWORD", "s3cret"), List.of("--config", write("{}")));
    assertEquals("s3cret", pg.string(ConfigKey.STORE_PASSWORD), "the password comes from the environment");
  }

  @Test
  void theShippedConfigFileLoadsAndMatchesTheDefaults() {
    Config shipped = Config.load(Map.of(), List.of("--config", Config.DEFAULT_FILE));
    assertEquals(Config.defaults().describe(), shipped.describe(),
        "config/cuecard.json documents every default; keep the two in step");
  }

  @Test
  void secretsAreMaskedWhenDescribed() {
    Config c = Config.builder().set(ConfigKey.AUTH_JWT_SECRET, "s".repeat(40)).build();
    assertEquals("***", c.describe().getString("auth.jwtSecret"));
  }

  private static void assertMessage(Runnable r, String... parts) {
    ConfigException e = assertThrows(ConfigException.class, r::run);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention " + p);
    }
  }

  private String write(String json) {
    try {
      Path f = Files.createTempFile(dir, "cfg", ".json");
      Files.writeString(f, json);
      return f.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

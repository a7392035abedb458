package dev.cuecard.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Layered configuration: built-in defaults, then a JSON file (default {@code config/cuecard.json}),
 * then {@code CUECARD_*} environment variables, then command-line flags. Every key is declared in
 * {@link ConfigKey}; an unknown key or a bad value fails fast with a message naming the key and
 * where the value came from.
 */
public final class Config {

  public static final String DEFAULT_FILE = "config/cuecard.json";
  public static final String ENV_PREFIX = "CUECARD_";
  public static final String ENV_CONFIG_FILE = "CUECARD_CONFIG";

  private final Map<String, Object> values;

  private Config(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Only built-in defaults. */
  public static Config defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads all layers. {@code args} are flags such as {@code --server.port=9000}, {@code --port 9000}
   * or {@code --config path}; anything else is an error.
   */
  public static Config load(Map<String, String> env, List<String> args) {
    Builder b = builder();
    List<String[]> flags = parseFlags(args);
    String file = env.get(ENV_CONFIG_FILE);
    boolean explicit = file != null;
    for (String[] f : flags) {
      if (f[0].equals("config")) {
        file = f[1];
        explicit = true;
      }
    }
    Path path = Path.of(file == null ? DEFAULT_FILE : file);
    if (Files.exists(path)) {
      b.file(path);
    } else if (explicit) {
      throw new ConfigException("config file " + path + " does not exist");
    }
    b.env(env);
    for (String[] f : flags) {
      if (!f[0].equals("config")) {
        b.set(ConfigKey.byFlag(f[0]), f[1], "flag --" + f[0]);
      }
    }
    return b.build();
  }

  private static List<String[]> parseFlags(List<String> args) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || a.length() == 2) {
        throw new ConfigException("unexpected argument '" + a + "' (flags look like --server.port=9000)");
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new ConfigException("flag --" + name + " needs a value");
      }
      out.add(new String[] {name, value});
    }
    return out;
  }

  public Object get(ConfigKey key) {
    return values.get(key.key());
  }

  public String string(ConfigKey key) {
    return (String) values.get(key.key());
  }

  public int integer(ConfigKey key) {
    return (Integer) values.get(key.key());
  }

  public double number(ConfigKey key) {
    return (Double) values.get(key.key());
  }

  public boolean bool(ConfigKey key) {
    return (Boolean) values.get(key.key());
  }

  @SuppressWarnings("unchecked")
  public List<String> list(ConfigKey key) {
    return (List<String>) values.get(key.key());
  }

  public Path dataDir() {
    return Path.of(string(ConfigKey.DATA_DIR));
  }

  /** A copy with one more value set (used by tests and the CLI). */
  public Config with(ConfigKey key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key.key(), key.convert(value, "override"));
    return new Config(copy);
  }

  /** Values for display, with secrets masked. */
  public JsonObject describe() {
    JsonObject out = new JsonObject();
    for (ConfigKey k : ConfigKey.values()) {
      Object v = values.get(k.key());
      out.put(k.key(), k.secret() && v != null && !v.toString().isEmpty() ? "***" : v);
    }
    return out;
  }

  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {
      for (ConfigKey k : ConfigKey.values()) {
        values.put(k.key(), k.defaultValue());
      }
    }

    public Builder set(ConfigKey key, Object value) {
      return set(key, value, "code");
    }

    Builder set(ConfigKey key, Object value, String source) {
      values.put(key.key(), key.convert(value, source));
      return this;
    }

    public Builder file(Path path) {
      JsonObject json;
      try {
        json = new JsonObject(Files.readString(path));
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
      } catch (DecodeException e) {
        throw new ConfigException("config file " + path + " is not valid JSON: " + e.getMessage());
      }
      flatten("", json, path.toString());
      return this;
    }

    private void flatten(String prefix, JsonObject json, String source) {
      for (Map.Entry<String, Object> e : json) {
        String name = prefix + e.getKey();
        Object v = e.getValue();
        if (v instanceof JsonObject obj) {
          flatten(name + ".", obj, source);
        } else {
          ConfigKey key = ConfigKey.byName(name)
              .orElseThrow(() -> new ConfigException("unknown config key '" + name + "' in " + source
                  + "; known keys: " + ConfigKey.names()));
          set(key, v instanceof JsonArray arr ? arr.getList() : v, source + " (" + name + ")");
        }
      }
    }

    public Builder env(Map<String, String> env) {
      for (Map.Entry<String, String> e : env.entrySet()) {
        String name = e.getKey();
        if (!name.startsWith(ENV_PREFIX) || name.equals(ENV_CONFIG_FILE)) {
          continue;
        }
        ConfigKey key = ConfigKey.byEnv(name)
            .orElseThrow(() -> new ConfigException("unknown environment variable " + name
                + "; known: " + ConfigKey.envNames()));
        set(key, e.getValue(), "env " + name);
      }
      return this;
    }

    public Config build() {
      Config c = new Config(new LinkedHashMap<>(values));
      ConfigKey.checkTogether(c);
      return c;
    }
  }

  static String envName(String key) {
    StringBuilder sb = new StringBuilder(ENV_PREFIX);
    for (char ch : key.toCharArray()) {
      if (ch == '.') {
        sb.append('_');
      } else if (Character.isUpperCase(ch)) {
        sb.append('_').append(ch);
      } else {
        sb.append(Character.toUpperCase(ch));
      }
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }
}

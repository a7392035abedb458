package dev.cuecard.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every configuration key, its type, default, allowed range and flag aliases. */
public enum ConfigKey {
  SERVER_HOST("server.host", Kind.STRING, "127.0.0.1", "host"),
  SERVER_PORT("server.port", Kind.INT, 8080, 0, 65535, "port"),
  SERVER_INSTANCES("server.instances", Kind.INT, 0, 0, 64),
  SERVER_ALLOWED_ORIGINS("server.allowedOrigins", Kind.LIST, List.of()),
  SERVER_WEB_ROOT("server.webRoot", Kind.STRING, "web"),
  /** The address users reach the server at (https://cue.example.org); names the host to accept and turns on HSTS. */
  SERVER_PUBLIC_URL("server.publicUrl", Kind.STRING, ""),
  /** Host names accepted besides loopback names, IP literals and the publicUrl's host (DNS-rebinding guard). */
  SERVER_ALLOWED_HOSTS("server.allowedHosts", Kind.LIST, List.of()),
  /** Proxies (IP addresses) whose X-Forwarded-For names the client; empty: the socket's peer is the client. */
  SERVER_TRUSTED_PROXIES("server.trustedProxies", Kind.LIST, List.of()),
  DATA_DIR("data.dir", Kind.STRING, "./data", "data-dir"),
  /** Empty: SQLite in data.dir. Else a PostgreSQL URL, postgresql://user@host:port/database (docs/deploy.md). */
  STORE_URL("store.url", Kind.STRING, ""),
  STORE_PASSWORD("store.password", Kind.STRING, "", true),
  STORE_POOL_SIZE("store.poolSize", Kind.INT, 8, 1, 200),
  /** normal: an ack survives a process crash; full: also a power loss (SQLite synchronous=FULL). */
  STORE_DURABILITY("store.durability", Kind.STRING, "normal"),
  /** Several nodes as one: the clustered event bus over Hazelcast (docs/deploy.md). Needs store.url. */
  CLUSTER_ENABLED("cluster.enabled", Kind.BOOL, false),
  CLUSTER_NAME("cluster.name", Kind.STRING, "cuecard"),
  /** This node's address, bound and announced to the other members (Hazelcast and the event bus). */
  CLUSTER_HOST("cluster.host", Kind.STRING, "127.0.0.1"),
  CLUSTER_PORT("cluster.port", Kind.INT, 5701, 1, 65535),
  /** Other members to find, host:port each (TCP/IP discovery; multicast stays off). */
  CLUSTER_MEMBERS("cluster.members", Kind.LIST, List.of()),
  /** The event-bus port between nodes; 0 picks a free one. */
  CLUSTER_BUS_PORT("cluster.busPort", Kind.INT, 0, 0, 65535),
  BANK_DIRS("bank.dirs", Kind.LIST, List.of(), "bank-dir"),
  BANK_BUNDLED("bank.bundled", Kind.BOOL, true),
  BANK_RELOAD_SECONDS("bank.reloadSeconds", Kind.INT, 2, 0, 3600),
  AUTH_JWT_SECRET("auth.jwtSecret", Kind.STRING, "", true),
  AUTH_TOKEN_TTL_SECONDS("auth.tokenTtlSeconds", Kind.INT, 12 * 3600, 60, 30 * 24 * 3600),
  AUTH_ISSUER("auth.issuer", Kind.STRING, "cuecard"),
  /**
   * How long a node trusts what it read of an account's tokens (logouts, version) before reading
   * the store again; open sockets are checked again at half this, so a revocation whose cluster
   * announcement was lost still closes them within one and a half times this.
   */
  AUTH_TOKEN_CHECK_SECONDS("auth.tokenCheckSeconds", Kind.INT, 30, 1, 3600),
  AUTH_PASSWORD_ITERATIONS("auth.passwordIterations", Kind.INT, 310_000, 1_000, 10_000_000),
  AUTH_ALLOW_REGISTRATION("auth.allowRegistration", Kind.BOOL, true),
  /** On a loopback-bound server, offer one local account without registration ("Use Cuecard on this computer"). */
  AUTH_LOCAL_ACCOUNT("auth.localAccount", Kind.BOOL, true),
  /** Registration needs a one-time code made with `cuecard signup-code`. */
  AUTH_REGISTRATION_INVITE_ONLY("auth.registrationInviteOnly", Kind.BOOL, false),
  /** Login, registration and password attempts per client address per minute (a token bucket, burst twice this). */
  AUTH_ATTEMPTS_PER_MINUTE("auth.attemptsPerMinute", Kind.INT, 10, 1, 100_000),
  /** Wrong passwords for one username before it is locked for 2, 4, 8 ... seconds (up to 15 minutes). */
  AUTH_FREE_FAILURES("auth.freeFailures", Kind.INT, 5, 1, 1000),
  /** Accounts registered per client address per hour. */
  AUTH_REGISTRATIONS_PER_HOUR("auth.registrationsPerHour", Kind.INT, 5, 1, 100_000),
  LIMITS_SOCKETS_PER_USER("limits.socketsPerUser", Kind.INT, 20, 1, 100_000),
  LIMITS_SESSIONS_PER_HOUR("limits.sessionsPerHour", Kind.INT, 60, 1, 100_000),
  LIMITS_INVITES_PER_SESSION("limits.invitesPerSession", Kind.INT, 10, 1, 10_000),
  LIMITS_NOTES_PER_SESSION("limits.notesPerSession", Kind.INT, 500, 1, 1_000_000),
  LIMITS_STORIES_PER_USER("limits.storiesPerUser", Kind.INT, 200, 1, 100_000),
  LIMITS_BANKS_PER_USER("limits.banksPerUser", Kind.INT, 20, 1, 10_000),
  LIMITS_MAX_TITLE_CHARS("limits.maxTitleChars", Kind.INT, 200, 1, 1000),
  /** Longest partner note or rating note; the protocol's own cap (2,000) is the most allowed. */
  LIMITS_MAX_NOTE_CHARS("limits.maxNoteChars", Kind.INT, 2000, 1, 2000),
  /** Open TCP connections from one client address (0: no limit). */
  LIMITS_CONNECTIONS_PER_ADDRESS("limits.connectionsPerAddress", Kind.INT, 200, 0, 1_000_000),
  /** Live sockets on this server before new ones get 503 (0: from the heap size, about 100 KiB each). */
  LIMITS_MAX_SOCKETS("limits.maxSockets", Kind.INT, 0, 0, 10_000_000),
  /** Bearer token for /metrics; needed when the server does not bind to loopback (or use metrics.port). */
  METRICS_TOKEN("metrics.token", Kind.STRING, "", true),
  /** A separate port for /metrics and /health on metrics.host (0: served on the main port). */
  METRICS_PORT("metrics.port", Kind.INT, 0, 0, 65535),
  METRICS_HOST("metrics.host", Kind.STRING, "127.0.0.1"),
  WS_MAX_MESSAGE_BYTES("ws.maxMessageBytes", Kind.INT, 16 * 1024, 256, 1024 * 1024),
  WS_RATE_PER_SECOND("ws.ratePerSecond", Kind.INT, 30, 1, 100_000),
  WS_RATE_BURST("ws.rateBurst", Kind.INT, 60, 1, 100_000),
  WS_IDLE_TIMEOUT_SECONDS("ws.idleTimeoutSeconds", Kind.INT, 120, 0, 86_400),
  MATCH_THRESHOLD("match.threshold", Kind.NUMBER, 0.5, 0.0, 1.0),
  MATCH_SEMANTIC("match.semantic", Kind.BOOL, true),
  /** Quiet after an interim interviewer snippet before it is embedded speculatively (0: never). */
  MATCH_SPECULATE_MILLIS("match.speculateMillis", Kind.INT, 250, 0, 10_000),
  ROOM_GRACE_SECONDS("session.roomGraceSeconds", Kind.INT, 60, 0, 86_400),
  COACH_ANSWER_SECONDS("coach.answerSeconds", Kind.INT, 120, 10, 3600),
  /** Benchmarks only (the persistence A/B in docs/benchmarks.md): live writes are acknowledged, not stored. */
  BENCH_DISCARD_WRITES("bench.discardWrites", Kind.BOOL, false);

  enum Kind { STRING, INT, NUMBER, BOOL, LIST }

  private final String key;
  private final Kind kind;
  private final Object defaultValue;
  private final double min;
  private final double max;
  private final String alias;
  private final boolean secret;

  ConfigKey(String key, Kind kind, Object def) {
    this(key, kind, def, Double.NaN, Double.NaN, null, false);
  }

  ConfigKey(String key, Kind kind, Object def, String alias) {
    this(key, kind, def, Double.NaN, Double.NaN, alias, false);
  }

  ConfigKey(String key, Kind kind, Object def, boolean secret) {
    this(key, kind, def, Double.NaN, Double.NaN, null, secret);
  }

  ConfigKey(String key, Kind kind, Object def, double min, double max) {
    this(key, kind, def, min, max, null, false);
  }

  ConfigKey(String key, Kind kind, Object def, double min, double max, String alias) {
    this(key, kind, def, min, max, alias, false);
  }

  ConfigKey(String key, Kind kind, Object def, double min, double max, String alias, boolean secret) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = def;
    this.min = min;
    this.max = max;
    this.alias = alias;
    this.secret = secret;
  }

  public String key() {
    return key;
  }

  public String envName() {
    return Config.envName(key);
  }

  Object defaultValue() {
    return defaultValue;
  }

  boolean secret() {
    return secret;
  }

  static Optional<ConfigKey> byName(String name) {
    return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
  }

  static Optional<ConfigKey> byEnv(String env) {
    return Arrays.stream(values()).filter(k -> k.envName().equals(env)).findFirst();
  }

  static ConfigKey byFlag(String flag) {
    return Arrays.stream(values())
        .filter(k -> k.key.equals(flag) || flag.equals(k.alias))
        .findFirst()
        .orElseThrow(() -> new ConfigException("unknown flag --" + flag + "; known keys: " + names()));
  }

  static String names() {
    return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
  }

  static String envNames() {
    return Arrays.stream(values()).map(ConfigKey::envName).collect(Collectors.joining(", "));
  }

  /** Converts and validates a raw value (a string from env/flags or a JSON value from a file). */
  Object convert(Object raw, String source) {
    String where = key + " (from " + source + ")";
    if (raw == null) {
      throw new ConfigException(where + " must not be null");
    }
    switch (kind) {
      case STRING:
        if (raw instanceof String s) {
          return s.trim();
        }
        throw new ConfigException(where + " must be a string, got " + raw);
      case BOOL:
        if (raw instanceof Boolean b) {
          return b;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
          return Boolean.parseBoolean(s);
        }
        throw new ConfigException(where + " must be true or false, got '" + raw + "'");
      case INT: {
        long v;
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          v = n.longValue();
        } else {
          try {
            v = Long.parseLong(raw.toString().trim());
          } catch (NumberFormatException e) {
            throw new ConfigException(where + " must be an integer, got '" + raw + "'");
          }
        }
        checkRange(where, v);
        return (int) v;
      }
      case NUMBER: {
        double v;
        if (raw instanceof Number n) {
          v = n.doubleValue();
        } else {
          try {
            v = Double.parseDouble(raw.toString().trim());
          } catch (NumberFormatException e) {
            throw new ConfigException(where + " must be a number, got '" + raw + "'");
          }
        }
        checkRange(where, v);
        return v;
      }
      case LIST: {
        List<String> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
          for (Object o : list) {
            if (!(o instanceof String str)) {
              throw new ConfigException(where + " must be a list of strings, got " + o);
            }
            out.add(str.trim());
          }
        } else if (raw instanceof String str) {
          for (String part : str.split(",")) {
            if (!part.isBlank()) {
              out.add(part.trim());
            }
          }
        } else {
          throw new ConfigException(where + " must be a list of strings, got " + raw);
        }
        return List.copyOf(out);
      }
      default:
        throw new IllegalStateException();
    }
  }

  private void checkRange(String where, double v) {
    if (!Double.isNaN(min) && (v < min || v > max)) {
      throw new ConfigException(where + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(v));
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** Checks that need more than one key. */
  static void checkTogether(Config c) {
    if (c.string(SERVER_HOST).isEmpty()) {
      throw new ConfigException("server.host must not be empty");
    }
    if (c.string(DATA_DIR).isEmpty()) {
      throw new ConfigException("data.dir must not be empty");
    }
    String store = c.string(STORE_URL);
    if (!store.isEmpty() && !store.matches("(jdbc:)?postgres(ql)?://[^/\\s]+/[^\\s]+")) {
      throw new ConfigException("store.url must be empty (SQLite in data.dir) or a PostgreSQL URL like"
          + " postgresql://user@host:5432/cuecard, got '" + store + "'");
    }
    if (c.bool(CLUSTER_ENABLED) && store.isEmpty()) {
      throw new ConfigException("cluster.enabled needs a store every node shares: set store.url to a PostgreSQL"
          + " database (SQLite is one node's file)");
    }
    for (String member : c.list(CLUSTER_MEMBERS)) {
      if (!member.matches("[^:\\s]+(:\\d{1,5})?")) {
        throw new ConfigException("cluster.members entry '" + member + "' must look like host:port");
      }
    }
    String secret = c.string(AUTH_JWT_SECRET);
    if (!secret.isEmpty() && secret.length() < 32) {
      throw new ConfigException("auth.jwtSecret must be at least 32 characters (or empty to use a generated key)");
    }
    if (c.integer(WS_RATE_BURST) < c.integer(WS_RATE_PER_SECOND)) {
      throw new ConfigException("ws.rateBurst must be at least ws.ratePerSecond");
    }
    if (!List.of("normal", "full").contains(c.string(STORE_DURABILITY))) {
      throw new ConfigException("store.durability must be normal or full, got '" + c.string(STORE_DURABILITY) + "'");
    }
    String publicUrl = c.string(SERVER_PUBLIC_URL);
    if (!publicUrl.isEmpty() && !publicUrl.matches("https?://[^/\\s:]+(:\\d{1,5})?/?")) {
      throw new ConfigException("server.publicUrl must look like https://host or https://host:port, got '"
          + publicUrl + "'");
    }
    for (String origin : c.list(SERVER_ALLOWED_ORIGINS)) {
      if (!origin.matches("https?://[^/\\s]+") && !origin.equals("*")) {
        throw new ConfigException("server.allowedOrigins entry '" + origin
            + "' must look like http://host:port (no path) or be *");
      }
    }
  }
}

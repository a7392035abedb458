package dev.cuecard.protocol;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The WebSocket protocol (docs/protocol.md): parsing and validation of client messages, and
 * builders for server messages. Every message is a JSON object with a {@code type}.
 */
public final class Messages {
  public static final int PROTOCOL_VERSION = 1;
  /** Largest snippet text accepted, in characters. */
  public static final int MAX_TEXT_CHARS = 4000;
  private static final long MAX_SEQ = 1L << 53;

  private Messages() {
  }

  /** A parsed client message. */
  public sealed interface Incoming permits SnippetMessage, Ping, Ask, Rate, Note, Settings, Pin, Mine, Drill {
  }

  /** A partner picks a card to ask; it becomes the current card and an interviewer utterance. */
  public record Ask(String cardId, long seq) implements Incoming {
  }

  /** A partner rates the current answer. */
  public record Rate(int score, String note) implements Incoming {
  }

  /** A free-text note on the session. */
  public record Note(String text) implements Incoming {
  }

  /** Per-session switches: nudge kind (wire name) to on/off. */
  public record Settings(java.util.Map<String, Boolean> nudges) implements Incoming {
  }

  /** Largest note text accepted, in characters. */
  public static final int MAX_NOTE_CHARS = 2000;

  /** Pins one of the owner's suggested stories for the current answer ({@code storyId} null: unpins). */
  public record Pin(String storyId) implements Incoming {
  }

  /** Asks the session owner's next drill question (as an {@code ask} of the card it picks). */
  public record Drill(long seq) implements Incoming {
  }

  /** Asks the room to read the owner's own answer to the card on screen again (after they edited it). */
  public record Mine() implements Incoming {
  }

  public record SnippetMessage(Snippet snippet) implements Incoming {
  }

  public record Ping(Object id) implements Incoming {
  }

  /** Parses and validates one text frame. */
  public static Incoming parse(String text) {
    JsonObject o;
    try {
      o = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new ProtocolException(ErrorCode.BAD_JSON, "message is not a JSON object");
    }
    Object v = o.getValue("v");
    if (v != null && !(v instanceof Number n && n.intValue() == PROTOCOL_VERSION && n.doubleValue() == PROTOCOL_VERSION)) {
      throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION,
          "protocol version " + v + " is not supported; this server speaks v" + PROTOCOL_VERSION);
    }
    Object type = o.getValue("type");
    if (!(type instanceof String t)) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "field 'type' is required and must be a string");
    }
    return switch (t) {
      case "snippet" -> new SnippetMessage(snippet(o));
      case "ping" -> new Ping(o.getValue("id"));
      case "ask" -> ask(o);
      case "rate" -> rate(o);
      case "note" -> new Note(text(o, "note", "text", MAX_NOTE_CHARS));
      case "settings" -> settings(o);
      case "pin" -> pin(o);
      case "mine" -> new Mine();
      case "drill" -> drill(o);
      default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
          "unknown message type '" + abbreviate(t) + "'; expected snippet, ping, ask, rate, note, settings, pin, mine or drill");
    };
  }

  private static Snippet snippet(JsonObject o) {
    Speaker speaker = o.getValue("speaker") instanceof String s ? Speaker.parse(s) : null;
    if (speaker == null) {
      throw invalid("speaker", "must be \"interviewer\" or \"candidate\"");
    }
    if (!(o.getValue("text") instanceof String text)) {
      throw invalid("text", "is required and must be a string");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw invalid("text", "must not be empty");
    }
    if (trimmed.length() > MAX_TEXT_CHARS) {
      throw invalid("text", "must be at most " + MAX_TEXT_CHARS + " characters");
    }
    if (!(o.getValue("final") instanceof Boolean fin)) {
      throw invalid("final", "is required and must be true or false");
    }
    long seq = integer(o, "seq", true);
    if (seq < 1 || seq > MAX_SEQ) {
      throw invalid("seq", "must be a positive integer");
    }
    Long ts = o.getValue("ts") == null ? null : integer(o, "ts", false);
    if (ts != null && ts < 0) {
      throw invalid("ts", "must be a non-negative epoch time in milliseconds");
    }
    Object typed = o.getValue("typed");
    if (typed != null && !(typed instanceof Boolean)) {
      throw invalid("typed", "must be true or false (true when the text was typed, not recognised from speech)");
    }
    return new Snippet(speaker, trimmed, fin, seq, ts, Boolean.TRUE.equals(typed));
  }

  private static Pin pin(JsonObject o) {
    if (!o.containsKey("storyId")) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "pin field 'storyId' is required (a story id, or null to unpin)");
    }
    Object id = o.getValue("storyId");
    if (id != null && !(id instanceof String s && !s.isBlank() && s.length() <= 80)) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "pin field 'storyId' must be a story id or null");
    }
    return new Pin((String) id);
  }

  private static Drill drill(JsonObject o) {
    long seq = integer(o, "seq", true, "drill");
    if (seq < 1 || seq > MAX_SEQ) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "drill field 'seq' must be a positive integer");
    }
    return new Drill(seq);
  }

  private static Ask ask(JsonObject o) {
    if (!(o.getValue("cardId") instanceof String id) || id.isBlank() || id.length() > 80) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "ask field 'cardId' must be a card id");
    }
    long seq = integer(o, "seq", true, "ask");
    if (seq < 1 || seq > MAX_SEQ) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "ask field 'seq' must be a positive integer");
    }
    return new Ask(id, seq);
  }

  private static Rate rate(JsonObject o) {
    long score = integer(o, "score", true, "rate");
    if (score < 1 || score > 5) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "rate field 'score' must be an integer from 1 to 5");
    }
    String note = o.getValue("note") == null ? null : text(o, "rate", "note", MAX_NOTE_CHARS);
    return new Rate((int) score, note);
  }

  private static Settings settings(JsonObject o) {
    if (!(o.getValue("nudges") instanceof JsonObject n)) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "settings field 'nudges' must be an object of kind: true|false");
    }
    java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
    for (String k : n.fieldNames()) {
      if (dev.cuecard.coach.NudgeKind.parse(k) == null) {
        throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "unknown nudge kind '" + abbreviate(k)
            + "'; known: no_metric, no_tradeoff, overtime, fillers, missing_point, clarify");
      }
      if (!(n.getValue(k) instanceof Boolean b)) {
        throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "settings nudge '" + abbreviate(k) + "' must be true or false");
      }
      out.put(k, b);
    }
    return new Settings(out);
  }

  private static String text(JsonObject o, String type, String field, int max) {
    if (!(o.getValue(field) instanceof String s) || s.isBlank()) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, type + " field '" + field + "' must be a non-empty string");
    }
    if (s.strip().length() > max) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, type + " field '" + field + "' must be at most " + max
          + " characters");
    }
    return s.strip();
  }

  private static long integer(JsonObject o, String field, boolean required, String type) {
    try {
      return integer(o, field, required);
    } catch (ProtocolException e) {
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, e.getMessage().replace("snippet field", type + " field"));
    }
  }

  private static long integer(JsonObject o, String field, boolean required) {
    Object v = o.getValue(field);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
      return n.longValue();
    }
    throw invalid(field, required ? "is required and must be an integer" : "must be an integer");
  }

  private static ProtocolException invalid(String field, String problem) {
    return new ProtocolException(ErrorCode.INVALID_MESSAGE, "snippet field '" + field + "' " + problem);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  public static JsonObject error(ErrorCode code, String message) {
    return new JsonObject().put("type", "error").put("code", code.wire()).put("message", message);
  }

  public static JsonObject ack(long seq, boolean duplicate) {
    return new JsonObject().put("type", "ack").put("seq", seq).put("duplicate", duplicate);
  }

  public static JsonObject pong(Object id) {
    JsonObject o = new JsonObject().put("type", "pong");
    if (id != null) {
      o.put("id", id);
    }
    return o;
  }
}

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
  public sealed interface Incoming permits SnippetMessage, Ping {
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
      default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
          "unknown message type '" + abbreviate(t) + "'; expected snippet or ping");
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
    return new Snippet(speaker, trimmed, fin, seq, ts);
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

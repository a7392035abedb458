package dev.cuecard.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of bad (and sometimes accidentally good) WebSocket frames: valid messages with
 * one field removed, retyped, oversized or filled with control characters; unknown types; JSON
 * that is not an object; text that is not JSON; deep nesting; and binary frames of random bytes
 * (invalid UTF-8 among them). {@link Frame#mustFail} marks frames no server may accept.
 */
final class FrameFuzzer {
  record Frame(String text, byte[] binary, boolean mustFail, String kind) {
  }

  private static final List<String> TYPES = List.of("snippet", "ping", "ask", "rate", "note", "settings");
  private final Random random;
  private long seq = 1;

  FrameFuzzer(Random random) {
    this.random = random;
  }

  Frame next() {
    int pick = random.nextInt(100);
    if (pick < 55) {
      return mutated();
    } else if (pick < 65) {
      return new Frame(garbage(), null, true, "not-json");
    } else if (pick < 72) {
      String[] tops = {"[]", "[1,2]", "42", "\"snippet\"", "null", "true", "{}", "[{\"type\":\"ping\"}]"};
      String top = tops[random.nextInt(tops.length)];
      return new Frame(top, null, true, "not-an-object");
    } else if (pick < 78) {
      return new Frame(new JsonObject().put("type", randomString(1 + random.nextInt(20))).encode(), null, true,
          "unknown-type");
    } else if (pick < 84) {
      int depth = 100 + random.nextInt(4000);
      String nested = "[".repeat(depth) + "]".repeat(depth);
      String text = random.nextBoolean() ? "{\"type\":\"snippet\",\"text\":" + nested + "}" : nested;
      return new Frame(text, null, true, "deep-nesting");
    } else if (pick < 90) {
      byte[] b = new byte[1 + random.nextInt(300)];
      random.nextBytes(b);
      return new Frame(null, b, true, "binary");
    } else if (pick < 95) {
      return new Frame(valid().put("text", "x".repeat(17_000 + random.nextInt(30_000))).encode(), null, true,
          "too-large");
    }
    JsonObject v = valid();
    v.remove("type");
    return new Frame(v.encode(), null, true, "no-type");
  }

  /** A valid message with one thing broken (which may, by chance, leave it valid). */
  private Frame mutated() {
    JsonObject v = valid();
    List<String> fields = List.copyOf(v.fieldNames());
    String field = fields.get(random.nextInt(fields.size()));
    switch (random.nextInt(6)) {
      case 0 -> v.remove(field);
      case 1 -> v.put(field, wrongValue());
      case 2 -> v.put(field, controlChars());
      case 3 -> v.put("v", random.nextInt(5) - 1);
      case 4 -> v.put(randomString(8), wrongValue());
      default -> {
        String text = v.encode();
        return new Frame(text.substring(0, random.nextInt(text.length())), null, true, "truncated");
      }
    }
    return new Frame(v.encode(), null, false, "mutated");
  }

  private JsonObject valid() {
    String type = TYPES.get(random.nextInt(TYPES.size()));
    return switch (type) {
      case "snippet" -> new JsonObject().put("type", "snippet")
          .put("speaker", random.nextBoolean() ? "interviewer" : "candidate")
          .put("text", random.nextBoolean() ? "what is a python decorator" : "it wraps a function")
          .put("final", random.nextBoolean()).put("seq", seq++).put("ts", System.currentTimeMillis());
      case "ping" -> new JsonObject().put("type", "ping").put("id", random.nextInt(1000));
      case "ask" -> new JsonObject().put("type", "ask").put("cardId", "py-decorators").put("seq", seq++);
      case "rate" -> new JsonObject().put("type", "rate").put("score", 1 + random.nextInt(5)).put("note", "ok");
      case "note" -> new JsonObject().put("type", "note").put("text", "a note");
      default -> new JsonObject().put("type", "settings").put("nudges", new JsonObject().put("filler", false));
    };
  }

  private Object wrongValue() {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> -1 - random.nextInt(1000);
      case 3 -> Long.MAX_VALUE;
      case 4 -> 1e308;
      case 5 -> -0.5;
      case 6 -> new JsonArray().add(1).add("two");
      case 7 -> new JsonObject().put("nested", new JsonObject().put("deeper", 1));
      case 8 -> "";
      case 9 -> randomString(random.nextInt(3000));
      case 10 -> new java.math.BigInteger("9".repeat(40));
      default -> "NaN";
    };
  }

  private String controlChars() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1 + random.nextInt(40); i++) {
      sb.append((char) random.nextInt(32));
      sb.append(random.nextBoolean() ? "\u2028" : "\uFEFF");
    }
    return sb.toString();
  }

  private String garbage() {
    String[] pieces = {"{", "}", "\"", ":", ",", "type", "snippet", "\\u0000", "\\", "[", "]", "nul", "1e999", " ",
        "\"seq\":", "'", "\u0000", "\uD800"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1 + random.nextInt(30); i++) {
      sb.append(pieces[random.nextInt(pieces.length)]);
    }
    String s = sb.toString();
    return s.equals("{}") ? "{" : s;
  }

  private String randomString(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) (0x20 + random.nextInt(0x2FF)));
    }
    return sb.toString();
  }

  static byte[] invalidUtf8(Random random) {
    byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xE2, (byte) 0x28, (byte) 0xA1}, {(byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
    byte[] prefix = "{\"type\":\"note\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] b = bad[random.nextInt(bad.length)];
    byte[] out = new byte[prefix.length + b.length + 2];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(b, 0, out, prefix.length, b.length);
    out[out.length - 2] = '"';
    out[out.length - 1] = '}';
    return out;
  }
}

package dev.cuecard.fuzz;

import dev.cuecard.support.SessionTestBase;
import dev.cuecard.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REST endpoint with malformed JSON, wrong types, huge and hostile values and odd ids:
 * each answer is a 4xx (or a success where the input happens to be fine) with a JSON body
 * naming the error; never a 5xx, and the account and its data are intact afterwards.
 */
class RestFuzzTest extends SessionTestBase {
  private static final String[][] ENDPOINTS = {
      {"POST", "/api/auth/register"}, {"POST", "/api/auth/login"}, {"PUT", "/api/me/password"},
      {"GET", "/api/auth/local"}, {"POST", "/api/auth/local"},
      {"DELETE", "/api/me"}, {"GET", "/api/me"}, {"GET", "/api/me/export"}, {"GET", "/api/banks"},
      {"GET", "/api/questions?q={q}"}, {"GET", "/api/questions/{id}"}, {"POST", "/api/sessions"},
      {"GET", "/api/sessions"}, {"GET", "/api/sessions/{id}"}, {"DELETE", "/api/sessions/{id}"},
      {"GET", "/api/sessions/{session}/transcript?format={q}"}, {"GET", "/api/sessions/{id}/summary"},
      {"POST", "/api/sessions/{session}/invites"}, {"GET", "/api/sessions/{id}/invites"},
      {"DELETE", "/api/sessions/{session}/invites/{id}"}, {"GET", "/api/search?q={q}"}, {"GET", "/api/{id}"},
      {"GET", "/api/remembered"}, {"POST", "/api/remembered"}, {"DELETE", "/api/remembered/{id}"},
      {"POST", "/api/sessions/{session}/corrections"}};

  @Test
  void everyEndpointAnswersBadInputWithAClear4xx() {
    long seed = Long.getLong("cuecard.fuzz.seed", 20261125L);
    Random random = new Random(seed);
    List<String> problems = new ArrayList<>();
    int calls = 0;
    for (int round = 0; round < 60; round++) {
      for (String[] e : ENDPOINTS) {
        String path = e[1].replace("{session}", session)
            .replace("{id}", URLEncoder.encode(oddId(random), StandardCharsets.UTF_8).replace("+", "%20"))
            .replace("{q}", URLEncoder.encode(oddId(random), StandardCharsets.UTF_8));
        String body = e[0].equals("GET") ? null : body(random);
        String auth = switch (random.nextInt(10)) {
          case 0 -> null;
          case 1 -> "not-a-token";
          case 2 -> token + "x";
          default -> token;
        };
        TestServer.Response r = server.call(e[0], path, auth, body);
        calls++;
        String where = e[0] + " " + path + " body " + abbreviate(body) + " (seed " + seed + ")";
        if (r.status() >= 500) {
          problems.add(r.status() + " for " + where + ": " + r.body());
        } else if (r.status() >= 400) {
          try {
            JsonObject err = r.json();
            if (!(err.getValue("error") instanceof String) || !(err.getValue("message") instanceof String)) {
              problems.add("no error/message in " + r.body() + " for " + where);
            }
          } catch (RuntimeException notJson) {
            problems.add("not JSON: " + r.body() + " for " + where);
          }
        }
      }
    }
    assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())));
    assertTrue(calls >= 1000, calls + " calls");
    assertEquals(200, server.call("GET", "/api/me", token, (String) null).status(), "the account survived");
    assertEquals(200, server.call("GET", "/api/sessions/" + session, token, (String) null).status(), "and its session");
  }

  private static String oddId(Random random) {
    String[] ids = {"", "x", "../../etc/passwd", "%00", "😀", "a".repeat(300), "' OR 1=1 --", "<script>", "md", "json",
        "null", "-1", "00000000-0000-0000-0000-000000000000", "py-decorators", "\u202e", "a b", "%zz"};
    return ids[random.nextInt(ids.length)];
  }

  private static String body(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "{";
      case 3 -> "[]";
      case 4 -> "\"text\"";
      case 5 -> "null";
      case 6 -> "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
      case 7 -> "x".repeat(70 * 1024);
      default -> {
        JsonObject o = new JsonObject();
        for (String f : new String[] {"username", "password", "currentPassword", "newPassword", "title", "ttlMinutes",
            "signupCode"}) {
          if (random.nextBoolean()) {
            o.put(f, wrong(random));
          }
        }
        yield o.encode();
      }
    };
  }

  private static Object wrong(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> null;
      case 1 -> 42;
      case 2 -> -1;
      case 3 -> 1e308;
      case 4 -> true;
      case 5 -> new JsonArray().add("a");
      case 6 -> new JsonObject().put("b", 1);
      case 7 -> "";
      case 8 -> "y".repeat(5000);
      default -> "ok value \u0000\u2028";
    };
  }

  private static String abbreviate(String s) {
    return s == null ? "none" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}

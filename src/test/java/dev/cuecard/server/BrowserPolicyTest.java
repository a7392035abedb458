package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What browsers are told (CSP, Permissions-Policy, HSTS), which Host names are answered (DNS
 * rebinding), who may read /metrics, and that no file path or file content leaks through
 * /health or /api/banks.
 */
@ExtendWith(VertxExtension.class)
class BrowserPolicyTest {
  @TempDir
  Path dir;
  TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A raw HTTP/1.1 GET with any Host header: status (":status"), lower-cased headers and the body (":body"). */
  private Map<String, String> get(String path, String host, String... extra) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
      for (String h : extra) {
        req.append(h).append("\r\n");
      }
      s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      Map<String, String> out = new HashMap<>();
      String[] lines = head.toString().split("\r\n");
      out.put(":status", lines[0].split(" ")[1]);
      for (int i = 1; i < lines.length; i++) {
        int c = lines[i].indexOf(':');
        out.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
      }
      int length = Integer.parseInt(out.getOrDefault("content-length", "0"));
      out.put(":body", new String(in.readNBytes(length), StandardCharsets.UTF_8));
      return out;
    }
  }

  @Test
  void everyPageCarriesAStrictPolicy(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    for (String path : new String[] {"/", "/index.html", "/partner.html", "/review.html", "/app.js", "/api/banks"}) {
      Map<String, String> r = get(path, "127.0.0.1:" + server.port());
      String csp = r.get("content-security-policy");
      assertTrue(csp != null && csp.contains("script-src 'self';") && csp.contains("style-src 'self';")
          && csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'")
          && csp.contains("connect-src 'self' ws://127.0.0.1:" + server.port()), path + ": " + csp);
      assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
      assertTrue(r.get("permissions-policy").contains("microphone=(self)")
          && r.get("permissions-policy").contains("display-capture=(self)")
          && r.get("permissions-policy").contains("camera=()"), r.get("permissions-policy"));
      assertNull(r.get("strict-transport-security"), "no HSTS without an https public URL");
    }
    // the pages hold no inline script or style the policy would block
    for (String page : new String[] {"index.html", "partner.html", "review.html"}) {
      String html = Files.readString(Path.of("web", page));
      assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page + " has an inline script");
      assertFalse(html.matches("(?s).*(\\sstyle=|<style|\\son[a-z]+=).*"), page + " has inline style or handlers");
    }
  }

  @Test
  void httpsPublicUrlTurnsOnHstsAndNamesTheHost(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.builder(dir).set(ConfigKey.SERVER_PUBLIC_URL, "https://cue.example.org")
        .build());
    Map<String, String> r = get("/", "cue.example.org");
    assertEquals("200", r.get(":status"));
    assertTrue(r.get("strict-transport-security").startsWith("max-age="), r.toString());
  }

  @Test
  void unknownHostNamesAreRefusedAgainstDnsRebinding(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, TestServer.builder(dir).set(ConfigKey.SERVER_ALLOWED_HOSTS,
        java.util.List.of("cuecard.lan")).build());
    for (String host : new String[] {"127.0.0.1:" + server.port(), "localhost:" + server.port(), "[::1]:8080",
        "192.168.1.20", "cuecard.lan:" + server.port(), "CUECARD.LAN"}) {
      assertEquals("200", get("/health", host).get(":status"), host);
    }
    Map<String, String> evil = get("/api/banks", "attacker.example:" + server.port());
    assertEquals("421", evil.get(":status"));
    assertEquals("host_not_allowed", new JsonObject(evil.get(":body")).getString("error"));
    assertEquals("421", get("/", "localhost.attacker.example").get(":status"));
    // the live endpoint too, even with the matching Origin a rebound page would send
    Map<String, String> ws = get("/ws/sessions/x", "attacker.example", "Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13", "Origin: http://attacker.example");
    assertEquals("421", ws.get(":status"));
  }

  @Test
  void metricsNeedATokenOffLoopback(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    assertEquals("200", get("/metrics", "127.0.0.1").get(":status"), "open on a loopback-bound server");
    server.close();
    server = TestServer.start(vertx, TestServer.builder(dir).set(ConfigKey.SERVER_HOST, "0.0.0.0").build());
    Map<String, String> refused = get("/metrics", "127.0.0.1");
    assertEquals("403", refused.get(":status"));
    assertTrue(refused.get(":body").contains("metrics.token"), refused.get(":body"));
    server.close();
    server = TestServer.start(vertx, TestServer.builder(dir).set(ConfigKey.SERVER_HOST, "0.0.0.0")
        .set(ConfigKey.METRICS_TOKEN, "a-long-scrape-token").build());
    assertEquals("401", get("/metrics", "127.0.0.1").get(":status"));
    assertEquals("401", get("/metrics", "127.0.0.1", "Authorization: Bearer wrong").get(":status"));
    assertEquals("200", get("/metrics", "127.0.0.1", "Authorization: Bearer a-long-scrape-token").get(":status"));
  }

  @Test
  void bankFilesStayInTheirFolderAndPathsStayPrivate(Vertx vertx) throws Exception {
    Path bank = Files.createDirectories(dir.resolve("my-bank"));
    Files.writeString(bank.resolve("mine.json"), dev.cuecard.bank.BankLoaderTest.file(
        dev.cuecard.bank.BankLoaderTest.card("my-card")));
    server = TestServer.start(vertx, TestServer.builder(dir.resolve("data"))
        .set(ConfigKey.BANK_DIRS, java.util.List.of(bank.toString())).set(ConfigKey.BANK_RELOAD_SECONDS, 1).build());
    Path outside = Files.writeString(dir.resolve("secret.txt"), "hunter2 is the root password");
    Files.createSymbolicLink(bank.resolve("leak.json"), outside);
    Files.writeString(bank.resolve("huge.json"), " ".repeat(3 * 1024 * 1024));
    Files.writeString(bank.resolve("notes.json"), "hunter2 again, not JSON");
    JsonObject health = server.call("GET", "/health", null, (String) null).json();
    for (int i = 0; i < 100 && health.getString("bankError") == null; i++) {
      Thread.sleep(100); // the folder is polled every second
      health = server.call("GET", "/health", null, (String) null).json();
    }
    assertEquals("degraded", health.getString("status"));
    String error = health.getString("bankError");
    assertTrue(error.contains("my-bank/leak.json: a link to something outside the bank directory"), error);
    assertTrue(error.contains("my-bank/huge.json: larger than 2 MiB"), error);
    assertTrue(error.contains("my-bank/notes.json: not a JSON object (line 1, column"), error);
    assertFalse(error.contains(dir.toString()), "no absolute path: " + error);
    assertFalse(error.contains("hunter2"), "nothing of the linked file: " + error);
    String banks = server.call("GET", "/api/banks", server.newUser(), (String) null).body();
    assertFalse(banks.contains(dir.toString()) || banks.contains("hunter2"), banks);
    JsonArray files = new JsonObject(banks).getJsonArray("banks");
    assertTrue(files.stream().map(JsonObject.class::cast).allMatch(f -> !f.getString("file").startsWith("/")), banks);
  }
}

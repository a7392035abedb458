package dev.cuecard.cli;

import dev.cuecard.cli.Main.UsageException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays a transcript file against a running server, as a client would: logs in, opens a
 * session's WebSocket, sends each line as a snippet, and prints every cue card that comes back.
 */
final class Replay {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  /**
   * With --interim, the quiet between a question's last interim snippet (all its words) and its
   * final: a recogniser waits this long or more to be sure the speaker has stopped.
   */
  static final long END_OF_SPEECH_MS = 500;

  record Line(String speaker, String text) {
  }

  private Replay() {
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    String file = null;
    String server = "http://127.0.0.1:8080";
    String user = null;
    String password = null;
    String session = null;
    boolean register = false;
    boolean interim = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--server" -> server = Args.value(args, ++i, "replay", a);
        case "--user" -> user = Args.value(args, ++i, "replay", a);
        case "--password" -> password = Args.value(args, ++i, "replay", a);
        case "--session" -> session = Args.value(args, ++i, "replay", a);
        case "--register" -> register = true;
        case "--interim" -> interim = true;
        default -> {
          if (a.startsWith("--") || file != null) {
            throw new UsageException("replay: unexpected argument '" + a + "'");
          }
          file = a;
        }
      }
    }
    if (file == null || user == null || password == null) {
      throw new UsageException("replay needs FILE, --user and --password");
    }
    List<Line> lines = Args.readLines(file, Replay::parse, err);
    if (lines == null) {
      return 2;
    }
    try {
      return replay(URI.create(server.endsWith("/") ? server : server + "/"), user, password, register, session,
          lines, interim, out, err);
    } catch (IOException | RuntimeException e) {
      err.println("replay failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }


  /** Parses "INTERVIEWER: ..." / "CANDIDATE: ..." lines; blank lines and # comments are skipped. */
  static List<Line> parse(List<String> raw) {
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String l = raw.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int colon = l.indexOf(':');
      String who = colon < 0 ? "" : l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!who.equals("interviewer") && !who.equals("candidate")) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected 'INTERVIEWER: text' or 'CANDIDATE: text'");
      }
      String text = l.substring(colon + 1).strip();
      if (!text.isEmpty()) {
        out.add(new Line(who, text));
      }
    }
    return out;
  }

  private static int replay(URI base, String user, String password, boolean register, String session,
                            List<Line> lines, boolean interim, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    JsonObject creds = new JsonObject().put("username", user).put("password", password);
    HttpResponse<String> login = post(http, base.resolve("api/auth/login"), creds, null);
    if (login.statusCode() == 401 && register) {
      login = post(http, base.resolve("api/auth/register"), creds, null);
    }
    if (login.statusCode() / 100 != 2) {
      err.println("login failed (" + login.statusCode() + "): " + login.body());
      return 1;
    }
    String token = new JsonObject(login.body()).getString("token");
    if (session == null) {
      HttpResponse<String> created = post(http, base.resolve("api/sessions"),
          new JsonObject().put("title", "Replay " + java.time.LocalDateTime.now().withNano(0)), token);
      if (created.statusCode() != 201) {
        err.println("could not create a session (" + created.statusCode() + "): " + created.body());
        return 1;
      }
      session = new JsonObject(created.body()).getString("id");
    }
    out.println("session " + session);

    int finals = lines.size();
    CountDownLatch acked = new CountDownLatch(finals);
    CountDownLatch welcomed = new CountDownLatch(1);
    AtomicInteger cues = new AtomicInteger();
    AtomicInteger followUps = new AtomicInteger();
    AtomicInteger rate = new AtomicInteger(10);
    AtomicInteger errors = new AtomicInteger();
    StringBuilder partial = new StringBuilder();
    WebSocket.Listener listener = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          JsonObject m = new JsonObject(partial.toString());
          partial.setLength(0);
          switch (m.getString("type", "")) {
            case "welcome" -> {
              rate.set(m.getJsonObject("limits").getInteger("ratePerSecond"));
              welcomed.countDown();
            }
            case "ack" -> acked.countDown();
            case "cue" -> {
              cues.incrementAndGet();
              JsonObject card = m.getJsonObject("card");
              out.printf(Locale.ROOT, "CUE %-28s %.2f  %s%n      heard: %s%s%n", card.getString("id"),
                  m.getDouble("score"), card.getString("question"), m.getString("heard"),
                  m.getBoolean("final", true) ? "" : "  (before the final, " + m.getString("source") + ")");
              boolean fallback = m.getBoolean("fallback", false);
              nearby(out, fallback ? "nearest cards" : "not this one?", m.getJsonArray(fallback ? "related" : "alternatives"));
            }
            case "followup" -> {
              followUps.incrementAndGet();
              JsonObject f = m.getJsonObject("followUp");
              out.printf(Locale.ROOT, "FOLLOW-UP on %-22s %s%n      heard: %s%n", m.getString("cardId"),
                  f.getString("label") + (f.getString("listed") == null ? "" : ": " + f.getString("listed")),
                  f.getString("heard"));
              f.getJsonArray("pointers").forEach(p -> out.println("      - " + p));
              if (f.getJsonObject("linked") != null) {
                out.println("      answered by " + f.getJsonObject("linked").getString("id"));
              }
            }
            case "error" -> {
              errors.incrementAndGet();
              err.println("server error: " + m.getString("code") + ": " + m.getString("message"));
              if (m.getValue("seq") != null) {
                acked.countDown();
              }
            }
            default -> { }
          }
        }
        ws.request(1);
        return null;
      }
    };
    URI wsUri = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/sessions/"
        + URLEncoder.encode(session, StandardCharsets.UTF_8));
    WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
        .connectTimeout(TIMEOUT).buildAsync(wsUri, listener).join();
    if (!welcomed.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      err.println("no welcome from the server");
      return 1;
    }
    long seq = 0;
    CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(ws);
    for (Line l : lines) {
      int decided = cues.get() + followUps.get();
      if (interim && l.speaker().equals("interviewer")) {
        // as a recogniser hears it: a growing interim snippet every 3 words, all the words once
        // the speaker stops, and the final after the end-of-speech wait
        String[] words = l.text().split("\\s+");
        for (int n = 3; n < words.length + 3; n += 3) {
          String soFar = String.join(" ", List.of(words).subList(0, Math.min(n, words.length)));
          sending = send(sending, snippet(l.speaker(), soFar, false, ++seq), rate.get());
        }
        sending.join();
        Thread.sleep(END_OF_SPEECH_MS);
      }
      sending = send(sending, snippet(l.speaker(), l.text(), true, ++seq), rate.get());
      sending.join();
      Thread.sleep(10); // let the echo and cue arrive in order with the output
      // a question's card or follow-up may come from the server's worker a few milliseconds later;
      // a real interviewer pauses, so wait a moment for it before the next line supersedes it
      for (int i = 0; i < 30 && l.speaker().equals("interviewer") && cues.get() + followUps.get() == decided; i++) {
        Thread.sleep(10);
      }
    }
    boolean done = acked.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    out.println(lines.size() + " lines replayed, " + cues.get() + " cue cards, " + followUps.get() + " follow-ups"
        + (errors.get() > 0
        ? ", " + errors.get() + " errors" : ""));
    return done && errors.get() == 0 ? 0 : 1;
  }

  /** A fallback's nearest cards, or a card's alternatives: their ids on one line, when there are any. */
  private static void nearby(PrintStream out, String label, JsonArray cards) {
    if (cards != null && !cards.isEmpty()) {
      out.println("      " + label + " " + String.join(", ",
          cards.stream().map(c -> ((JsonObject) c).getString("id")).toList()));
    }
  }

  private static String snippet(String speaker, String text, boolean fin, long seq) {
    return new JsonObject().put("type", "snippet").put("speaker", speaker).put("text", text).put("final", fin)
        .put("seq", seq).put("ts", System.currentTimeMillis()).encode();
  }

  /** Sends after the previous send, paced to stay inside the server's per-connection rate limit. */
  private static CompletableFuture<WebSocket> send(CompletableFuture<WebSocket> previous, String text, int rate)
      throws InterruptedException {
    Thread.sleep(Math.max(1, 1000 / Math.max(1, rate) + 1));
    return previous.thenCompose(ws -> ws.sendText(text, true));
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, JsonObject body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}

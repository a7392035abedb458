package dev.cuecard.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (Vert.x) with a blocking inbox, for tests. */
public final class WsClient implements AutoCloseable {
  private final WebSocketClient client;
  private final ClientWebSocket ws;
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private volatile Short closeCode;
  private volatile String closeReason;

  private WsClient(WebSocketClient client, ClientWebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(t -> inbox.add(new JsonObject(t)));
    ws.closeHandler(v -> {
      closeCode = ws.closeStatusCode();
      closeReason = ws.closeReason();
      inbox.add(new JsonObject().put("type", "__closed"));
    });
  }

  /** Opens /ws/sessions/{id} with the token as a Bearer header, and waits for the welcome. */
  public static WsClient connect(ServerHandle server, String token, String sessionId) {
    WsClient c = open(server.vertx(), server.port(), "/ws/sessions/" + sessionId,
        token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    c.next("welcome", 30); // the server keeps trying to join a room that is starting or moving for about 30 s
    return c;
  }

  /** Opens /ws/sessions/{id}{query} with the token as a Bearer header, without waiting for the welcome. */
  public static WsClient open(ServerHandle server, String token, String sessionId, String query) {
    return open(server.vertx(), server.port(), "/ws/sessions/" + sessionId + query,
        Map.of("Authorization", "Bearer " + token));
  }

  /** Opens a socket without waiting for anything; fails if the handshake is rejected. */
  public static WsClient open(Vertx vertx, int port, String uri, Map<String, String> headers) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 20));
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    headers.forEach(o::addHeader);
    try {
      // the handlers are in place before connecting: a socket opened with client.connect(o) is
      // resumed before that future's listeners run, so a welcome arriving in between reaches no
      // handler and is lost (checked: with the listener attached a second late, no welcome ever
      // arrives; the likely cause of a CI run in which a test waited 30 s for one)
      WsClient c = new WsClient(client, client.webSocket());
      TestServer.await(c.ws.connect(o));
      return c;
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** The HTTP status a rejected handshake got (or 101 when it was accepted). */
  public static int handshakeStatus(Vertx vertx, int port, String uri, Map<String, String> headers) {
    try (WsClient c = open(vertx, port, uri, headers)) {
      return 101;
    } catch (IllegalStateException e) {
      String m = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      java.util.regex.Matcher mm = java.util.regex.Pattern.compile("\\b([1-5]\\d\\d)\\b").matcher(m);
      if (mm.find()) {
        return Integer.parseInt(mm.group(1));
      }
      throw e;
    }
  }

  public void send(JsonObject message) {
    TestServer.await(ws.writeTextMessage(message.encode()));
  }

  public void sendText(String text) {
    TestServer.await(ws.writeTextMessage(text));
  }

  public void sendBinary(byte[] bytes) {
    TestServer.await(ws.writeBinaryMessage(Buffer.buffer(bytes)));
  }

  public void snippet(String speaker, String text, boolean fin, long seq) {
    send(new JsonObject().put("type", "snippet").put("speaker", speaker).put("text", text).put("final", fin)
        .put("seq", seq).put("ts", System.currentTimeMillis()));
  }

  /** The next message of the given type (others are kept in {@link #seen()}); fails after 5 s. */
  public JsonObject next(String type) {
    return next(type, 5);
  }

  /** The next message of the given type; fails after {@code seconds}. */
  public JsonObject next(String type, int seconds) {
    return nextOf(List.of(type), seconds);
  }

  /** The next message of any of the given types (for answers that may rightly take either form); fails after 5 s. */
  public JsonObject nextOf(String... types) {
    return nextOf(List.of(types), 5);
  }

  private JsonObject nextOf(List<String> types, int seconds) {
    String wanted = types.size() == 1 ? "'" + types.get(0) + "'" : String.join(" or ", types);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      JsonObject m = take(deadline);
      if (m == null) {
        throw new AssertionError("no " + wanted + " message within " + seconds + " s; saw " + seen);
      }
      if (types.contains(m.getString("type"))) {
        return m;
      }
      if ("__closed".equals(m.getString("type"))) {
        throw new AssertionError("socket closed (" + closeCode + " " + closeReason + ") while waiting for " + wanted);
      }
    }
  }

  /** The next message from the inbox, kept in {@link #seen()}; null when none came by {@code deadline} (nanoTime). */
  private JsonObject take(long deadline) {
    long left = deadline - System.nanoTime();
    JsonObject m;
    try {
      m = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (m != null) {
      seen.add(m);
    }
    return m;
  }

  /** The latest message of the type seen so far, or else the next one: for messages whose order against others may vary. */
  public JsonObject latest(String type) {
    List<JsonObject> earlier = seen(type);
    return earlier.isEmpty() ? next(type) : earlier.get(earlier.size() - 1);
  }

  /** Round-trips a ping so that everything sent before it has been handled; returns messages seen meanwhile. */
  public List<JsonObject> sync() {
    String id = java.util.UUID.randomUUID().toString();
    send(new JsonObject().put("type", "ping").put("id", id));
    int from = seen.size();
    while (true) {
      JsonObject m = next("pong");
      if (id.equals(m.getString("id"))) {
        return new ArrayList<>(seen.subList(from, seen.size() - 1));
      }
    }
  }

  /**
   * Collects the replies to n seq-carrying messages that arrive from now on: seq → "ack", or the
   * error code it got. Waits on the inbox (no pings, so the socket's rate limit is never in the
   * way) and fails when they have not all come within 30 s (writes to a failing disk or a busy
   * database can be slow).
   */
  public Map<Long, String> replies(int n) {
    Map<Long, String> out = new java.util.HashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (out.size() < n) {
      JsonObject m = take(deadline);
      if (m == null) {
        throw new AssertionError("expected " + n + " replies, got " + out);
      }
      String type = m.getString("type");
      if ("__closed".equals(type)) {
        throw new AssertionError("socket closed (" + closeCode + " " + closeReason + ") with replies " + out);
      }
      if (m.getValue("seq") != null && ("ack".equals(type) || "error".equals(type))) {
        out.put(m.getLong("seq"), "ack".equals(type) ? "ack" : m.getString("code"));
      }
    }
    return out;
  }

  /** Whether the socket is closed (by either side). */
  public boolean isClosed() {
    return ws.isClosed();
  }

  /** Waits for the socket to be closed by the server. */
  public short awaitClose() {
    return awaitClose(5);
  }

  /** The close code, waiting up to {@code seconds}. */
  public short awaitClose(int seconds) {
    next("__closed", seconds);
    return closeCode;
  }

  public String closeReason() {
    return closeReason;
  }

  public List<JsonObject> seen() {
    return seen;
  }

  public List<JsonObject> seen(String type) {
    return seen.stream().filter(m -> type.equals(m.getString("type"))).toList();
  }

  @Override
  public void close() {
    try {
      if (!ws.isClosed()) {
        TestServer.await(ws.close());
      }
    } catch (RuntimeException ignored) {
      // already gone
    }
    client.close();
  }
}

package dev.cuecard.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A running Cuecard server a test talks to (in this JVM or another process), with a blocking HTTP client. */
public abstract class ServerHandle {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build(); // no h2c upgrade: plain HTTP/1.1, as browsers speak to it

  public abstract int port();

  /** The Vert.x instance test WebSocket clients run on. */
  public abstract Vertx vertx();

  public String base() {
    return "http://127.0.0.1:" + port();
  }

  /** A blocking HTTP call; body may be null. */
  public Response call(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response call(String method, String path, String token, JsonObject body) {
    return call(method, path, token, body == null ? null : body.encode());
  }

  /** Registers a fresh user and returns its token. */
  public String newUser() {
    return register("u" + UUID.randomUUID().toString().substring(0, 8), "correct horse battery");
  }

  public String register(String username, String password) {
    Response r = call("POST", "/api/auth/register", null,
        new JsonObject().put("username", username).put("password", password));
    if (r.status() != 201) {
      throw new IllegalStateException("register failed: " + r);
    }
    return r.json().getString("token");
  }

  /** A new user's new session, with a socket open on it (the caller closes it). */
  public WsClient newSessionSocket() {
    String token = newUser();
    return WsClient.connect(this, token, newSession(token));
  }

  public String newSession(String token) {
    Response r = call("POST", "/api/sessions", token, new JsonObject().put("title", "test"));
    if (r.status() != 201) {
      throw new IllegalStateException("create session failed: " + r);
    }
    return r.json().getString("id");
  }

  /** seq → text of every stored utterance of a session, from its transcript; fails on a seq stored twice. */
  public java.util.Map<Long, String> storedUtterances(String token, String session) {
    JsonObject t = call("GET", "/api/sessions/" + session + "/transcript", token, (String) null).json();
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    t.getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> "utterance".equals(i.getString("kind")))
        .forEach(i -> {
          if (out.put(i.getLong("seq"), i.getString("text")) != null) {
            throw new AssertionError("seq " + i.getLong("seq") + " stored twice");
          }
        });
    return out;
  }

  /** A response with its status, body and content type. */
  public record Response(int status, String body, String contentType) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String error() {
      return json().getString("error");
    }
  }
}

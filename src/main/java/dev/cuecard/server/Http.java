package dev.cuecard.server;

import dev.cuecard.auth.Principal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers shared by the route classes. */
final class Http {
  static final String PRINCIPAL = "cuecard.principal";

  private Http() {
  }

  static void json(RoutingContext ctx, int status, Object body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body));
  }

  /** A 200 whose body is {@code {key: [each item as JSON]}}: the shape of every list the API returns. */
  static <T> void list(RoutingContext ctx, String key, java.util.Collection<T> items,
                       java.util.function.Function<? super T, JsonObject> toJson) {
    io.vertx.core.json.JsonArray arr = new io.vertx.core.json.JsonArray();
    items.forEach(i -> arr.add(toJson.apply(i)));
    json(ctx, 200, new JsonObject().put(key, arr));
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"cuecard\"");
    }
    json(ctx, status, new JsonObject().put("error", code).put("message", message));
  }

  /** The body of a 400 for user material that failed a check: {"error", "field", "message"}. */
  static JsonObject invalid(String code, String field, String message) {
    return new JsonObject().put("error", code).put("field", field).put("message", message);
  }

  /** The request body as a JSON object, or a 400 that says what is wrong. */
  static JsonObject body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw new ApiException(400, "bad_json", "request body must be a JSON object");
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new ApiException(400, "bad_json", "request body is not a valid JSON object");
    }
  }

  static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** The bearer token of an Authorization header, or null. */
  static String bearer(String header) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
  }
}

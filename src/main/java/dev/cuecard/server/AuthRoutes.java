package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.Records.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registration, login and the token check that guards every other API route. */
final class AuthRoutes {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,39}");
  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 256;

  private final Vertx vertx;
  private final Services s;

  AuthRoutes(Vertx vertx, Services s) {
    this.vertx = vertx;
    this.s = s;
  }

  void mount(Router api) {
    api.post("/auth/register").handler(this::register);
    api.post("/auth/login").handler(this::login);
    api.route().handler(this::requireToken);
  }

  /** Routes after this serve accounts only; invite tokens stop here with 403. */
  void mountAccountOnly(Router api) {
    api.route().handler(ctx -> {
      if (Http.principal(ctx).isInvite()) {
        Http.error(ctx, 403, "forbidden", "an invite only reaches its session's live connection and the question bank");
      } else {
        ctx.next();
      }
    });
    api.get("/me").handler(ctx -> Http.json(ctx, 200, new JsonObject()
        .put("id", Http.principal(ctx).userId()).put("username", Http.principal(ctx).username())));
  }

  private void register(RoutingContext ctx) {
    if (!s.config().bool(ConfigKey.AUTH_ALLOW_REGISTRATION)) {
      throw new ApiException(403, "registration_closed", "registration is disabled on this server");
    }
    Credentials c = credentials(ctx);
    if (!USERNAME.matcher(c.username).matches()) {
      throw new ApiException(400, "invalid_username",
          "username must be 3-40 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (c.password.length() < MIN_PASSWORD || c.password.length() > MAX_PASSWORD) {
      throw new ApiException(400, "invalid_password",
          "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    vertx.executeBlocking(() -> s.hasher().hash(c.password), false)
        .compose(hash -> {
          User u = new User(UUID.randomUUID().toString(), c.username, hash, System.currentTimeMillis());
          return s.users().create(u).compose(created -> created
              ? Future.succeededFuture(u)
              : Future.failedFuture(new ApiException(409, "username_taken", "that username is already taken")));
        })
        .onSuccess(u -> Http.json(ctx, 201, tokenResponse(u)))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    Credentials c = credentials(ctx);
    s.users().byUsername(c.username)
        .compose(found -> vertx.executeBlocking(() -> {
          if (found.isEmpty()) {
            s.hasher().verifyDummy(c.password);
            return null;
          }
          return s.hasher().verify(c.password, found.get().passwordHash()) ? found.get() : null;
        }, false))
        .onSuccess(u -> {
          if (u == null) {
            Http.error(ctx, 401, "invalid_credentials", "wrong username or password");
          } else {
            Http.json(ctx, 200, tokenResponse(u));
          }
        })
        .onFailure(ctx::fail);
  }

  private JsonObject tokenResponse(User u) {
    return new JsonObject()
        .put("token", s.tokens().issue(u.id(), u.username()))
        .put("tokenType", "Bearer")
        .put("expiresIn", s.tokens().ttlSeconds())
        .put("user", new JsonObject().put("id", u.id()).put("username", u.username()));
  }

  private record Credentials(String username, String password) {
  }

  private static Credentials credentials(RoutingContext ctx) {
    JsonObject body = Http.body(ctx);
    if (!(body.getValue("username") instanceof String u) || u.isBlank()) {
      throw ApiException.badRequest("field 'username' is required");
    }
    if (!(body.getValue("password") instanceof String p) || p.isEmpty()) {
      throw ApiException.badRequest("field 'password' is required");
    }
    return new Credentials(u.trim().toLowerCase(Locale.ROOT), p);
  }

  private void requireToken(RoutingContext ctx) {
    String token = Http.bearer(ctx.request().getHeader("Authorization"));
    if (token == null) {
      Http.error(ctx, 401, "unauthorized", "missing bearer token (Authorization: Bearer <token>)");
      return;
    }
    s.tokens().verify(token)
        .compose(p -> !p.isInvite() ? Future.succeededFuture(p)
            : s.invites().usable(p.inviteId(), p.sessionId(), System.currentTimeMillis())
                .compose(ok -> ok ? Future.succeededFuture(p) : Future.failedFuture("invite revoked or expired")))
        .onSuccess(p -> {
          ctx.put(Http.PRINCIPAL, p);
          ctx.next();
        })
        .onFailure(e -> Http.error(ctx, 401, "unauthorized", e.getMessage()));
  }
}

package dev.cuecard.server;

import dev.cuecard.auth.PasswordPolicy;
import dev.cuecard.auth.Secrets;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.Records.User;
import dev.cuecard.store.Users;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registration, login and the token check that guards every other API route. Attempts are
 * throttled per client address and per username ({@code 429} with {@code Retry-After}), hashing
 * runs on its own bounded workers, and a login for an unknown name costs one hash like any other.
 */
final class AuthRoutes {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,39}");

  private final Services s;

  AuthRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.post("/auth/register").handler(this::register);
    api.post("/auth/login").handler(this::login);
    api.get("/auth/local").handler(this::localStatus);
    api.post("/auth/local").handler(this::local);
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
    if (c.username.equals(LocalAccess.USERNAME)) {
      throw new ApiException(400, "invalid_username", "'local' is kept for the on-this-computer account");
    }
    String weak = PasswordPolicy.problem(c.password, c.username);
    if (weak != null) {
      throw new ApiException(400, "invalid_password", weak);
    }
    String codeHash = null;
    if (s.config().bool(ConfigKey.AUTH_REGISTRATION_INVITE_ONLY)) {
      if (!(Http.body(ctx).getValue("signupCode") instanceof String code) || code.isBlank() || code.length() > 100) {
        throw new ApiException(403, "signup_code_required",
            "this server registers by invitation: field 'signupCode' must hold a code from its operator");
      }
      codeHash = Secrets.sha256(code.strip());
    }
    long wait = s.throttle().register(address(ctx), System.currentTimeMillis());
    if (wait > 0) {
      throw ApiException.tooMany("too_many_attempts", "too many registrations from this address", wait);
    }
    String spend = codeHash;
    s.hashPool().run(() -> s.hasher().hash(c.password))
        .compose(hash -> {
          User u = new User(UUID.randomUUID().toString(), c.username, hash, System.currentTimeMillis(), 0);
          return s.users().create(u, spend).compose(created -> created
              ? Future.succeededFuture(u)
              : Future.failedFuture(new ApiException(409, "username_taken", "that username is already taken")));
        })
        .recover(e -> Future.failedFuture(e instanceof Users.BadCodeException
            ? new ApiException(403, "invalid_signup_code", e.getMessage()) : e))
        .onSuccess(u -> Http.json(ctx, 201, tokenResponse(s, u, u.tokenVersion())))
        .onFailure(ctx::fail);
  }

  /** Whether "Use Cuecard on this computer" is offered to this caller, and whether a key is needed. */
  private void localStatus(RoutingContext ctx) {
    if (!s.localAccess().offeredTo(ctx.request().remoteAddress())) {
      Http.json(ctx, 200, new JsonObject().put("available", false));
      return;
    }
    s.users().any().onSuccess(any -> Http.json(ctx, 200, new JsonObject().put("available", true)
        .put("keyNeeded", any))).onFailure(ctx::fail);
  }

  /**
   * Signs in to the local account (creating it the first time): on a loopback server, from this
   * machine, with the start-up link's key, or without one while no account exists at all.
   */
  private void local(RoutingContext ctx) {
    if (!s.localAccess().offeredTo(ctx.request().remoteAddress())) {
      throw new ApiException(403, "local_unavailable",
          "the account on this computer is offered only by a server bound to loopback, to this computer");
    }
    String text = ctx.body() == null ? null : ctx.body().asString();
    Object key = text == null || text.isBlank() ? null : Http.body(ctx).getValue("key");
    boolean keyOk = key instanceof String k && s.localAccess().keyMatches(k);
    Future<Boolean> allowed = keyOk ? Future.succeededFuture(true) : s.users().any().map(any -> !any);
    allowed.compose(ok -> ok ? localAccount()
            : Future.failedFuture(new ApiException(403, "local_key_required",
                "open the link the server printed when it started (it ends in #local=...)")))
        .onSuccess(u -> Http.json(ctx, 200, tokenResponse(s, u, u.tokenVersion())))
        .onFailure(ctx::fail);
  }

  /** The local account, made on first use with a random password nobody knows (it signs in by link only). */
  private Future<User> localAccount() {
    return s.users().byUsername(LocalAccess.USERNAME).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : s.hashPool().run(() -> s.hasher().hash(Secrets.newToken() + Secrets.newToken()))
            .compose(hash -> {
              User u = new User(UUID.randomUUID().toString(), LocalAccess.USERNAME, hash, System.currentTimeMillis(), 0);
              // a second tab racing the first finds the account the first one made
              return s.users().create(u, null).compose(created -> created ? Future.succeededFuture(u)
                  : s.users().byUsername(LocalAccess.USERNAME).map(Optional::get));
            }));
  }

  private void login(RoutingContext ctx) {
    Credentials c = credentials(ctx);
    checkPassword(ctx, c.username, c.password)
        .onSuccess(u -> Http.json(ctx, 200, tokenResponse(s, u, u.tokenVersion())))
        .onFailure(ctx::fail);
  }

  /**
   * The account if the password is right; else 401 (wrong name and wrong password read the
   * same), or 429 while the address or the name is throttled. Shared by login, password change
   * and account deletion, so none of them is a way around the throttle.
   */
  static Future<User> checkPassword(Services s, String address, String username, String password) {
    long wait = s.throttle().attempt(address, username, System.currentTimeMillis());
    if (wait > 0) {
      return Future.failedFuture(ApiException.tooMany("too_many_attempts",
          "too many attempts for this account or from this address", wait));
    }
    return s.users().byUsername(username)
        .compose(found -> s.hashPool().run(() -> {
          if (found.isEmpty()) {
            s.hasher().verifyDummy(password);
            return null;
          }
          return s.hasher().verify(password, found.get().passwordHash()) ? found.get() : null;
        }))
        .compose(u -> {
          if (u == null) {
            s.throttle().failed(username, System.currentTimeMillis());
            return Future.failedFuture(new ApiException(401, "invalid_credentials", "wrong username or password"));
          }
          s.throttle().succeeded(username);
          return Future.succeededFuture(u);
        });
  }

  private Future<User> checkPassword(RoutingContext ctx, String username, String password) {
    return checkPassword(s, address(ctx), username, password);
  }

  String address(RoutingContext ctx) {
    return s.clientAddress().of(ctx.request().remoteAddress(), ctx.request().getHeader("X-Forwarded-For"));
  }

  static JsonObject tokenResponse(Services s, User u, int version) {
    return new JsonObject()
        .put("token", s.tokens().issue(u.id(), u.username(), version))
        .put("tokenType", "Bearer")
        .put("expiresIn", s.tokens().ttlSeconds())
        .put("user", new JsonObject().put("id", u.id()).put("username", u.username()));
  }

  private record Credentials(String username, String password) {
  }

  private static Credentials credentials(RoutingContext ctx) {
    JsonObject body = Http.body(ctx);
    if (!(body.getValue("username") instanceof String u) || u.isBlank() || u.length() > 100) {
      throw ApiException.badRequest("field 'username' is required (a string of at most 100 characters)");
    }
    if (!(body.getValue("password") instanceof String p) || p.isEmpty() || p.length() > PasswordPolicy.MAX) {
      throw ApiException.badRequest("field 'password' is required (a string of at most " + PasswordPolicy.MAX
          + " characters)");
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
        .compose(p -> !p.isInvite()
            ? s.revocations().check(p).compose(r -> r == null ? Future.succeededFuture(p) : Future.failedFuture(r))
            : s.invites().usable(p.inviteId(), p.sessionId(), System.currentTimeMillis())
                .compose(ok -> ok ? Future.succeededFuture(p) : Future.failedFuture("invite revoked or expired")))
        .onSuccess(p -> {
          ctx.put(Http.PRINCIPAL, p);
          ctx.next();
        })
        .onFailure(e -> {
          if (e instanceof dev.cuecard.store.StoreException) {
            ctx.fail(e); // the store failed, not the token
          } else {
            Http.error(ctx, 401, "unauthorized", e.getMessage());
          }
        });
  }
}

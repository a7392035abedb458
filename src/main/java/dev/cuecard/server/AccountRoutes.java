package dev.cuecard.server;

import dev.cuecard.auth.PasswordPolicy;
import dev.cuecard.auth.Principal;
import dev.cuecard.store.Records.Session;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The signed-in account: who am I, change password, log out (this token), log out everywhere,
 * delete the account with all its data, and export all of it as one archive. Every change is
 * stored first and then announced to all nodes ({@link AccountEvents}), which close the
 * account's sockets whose token stopped working.
 */
final class AccountRoutes {
  private final Services s;
  private final AuthRoutes auth;

  AccountRoutes(Services s, AuthRoutes auth) {
    this.s = s;
    this.auth = auth;
  }

  void mount(Router api) {
    api.get("/me").handler(ctx -> Http.json(ctx, 200, new JsonObject()
        .put("id", Http.principal(ctx).userId()).put("username", Http.principal(ctx).username())));
    api.put("/me/password").handler(this::changePassword);
    api.post("/auth/logout").handler(this::logout);
    api.post("/auth/logout-all").handler(this::logoutAll);
    api.delete("/me").handler(this::delete);
    api.get("/me/export").handler(this::export);
  }

  private void changePassword(RoutingContext ctx) {
    Principal p = Http.principal(ctx);
    JsonObject body = Http.body(ctx);
    String current = text(body, "currentPassword");
    String next = text(body, "newPassword");
    String weak = PasswordPolicy.problem(next, p.username());
    if (weak != null) {
      throw new ApiException(400, "invalid_password", weak);
    }
    AuthRoutes.checkPassword(s, auth.address(ctx), p.username(), current)
        .compose(u -> s.hashPool().run(() -> s.hasher().hash(next))
            .compose(hash -> s.users().changePassword(u.id(), hash))
            .map(version -> AuthRoutes.tokenResponse(s, u, version)))
        .onSuccess(token -> {
          AccountEvents.publish(s, p.userId());
          Http.json(ctx, 200, token);
        })
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    Principal p = Http.principal(ctx);
    stored(ctx, p, s.users().revokeToken(p.tokenId(), p.userId(), p.expiresAt() * 1000, System.currentTimeMillis()));
  }

  private void logoutAll(RoutingContext ctx) {
    Principal p = Http.principal(ctx);
    stored(ctx, p, s.users().revokeAll(p.userId()));
  }

  /** Once the store holds an account change: every node hears of it, and the caller gets 204. */
  private void stored(RoutingContext ctx, Principal p, Future<?> change) {
    change
        .onSuccess(v -> {
          AccountEvents.publish(s, p.userId());
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  /**
   * Deletes the account and all it owns in one transaction; the password confirms it (the
   * on-this-computer account has none anyone knows: there, being on this computer is the proof).
   */
  private void delete(RoutingContext ctx) {
    Principal p = Http.principal(ctx);
    boolean local = p.username().equals(LocalAccess.USERNAME) && s.localAccess().offeredTo(ctx.request().remoteAddress());
    Future<String> confirmed = local ? Future.succeededFuture(p.userId())
        : AuthRoutes.checkPassword(s, auth.address(ctx), p.username(), text(Http.body(ctx), "password")).map(u -> u.id());
    stored(ctx, p, confirmed
        .compose(id -> s.users().delete(id))
        .onSuccess(sessions -> sessions.forEach(id -> s.rooms().sessionDeleted(id))));
  }

  /** Everything stored for the account, as a zip: the account, its stories, and per session its transcript (JSON and Markdown) and summary. */
  private void export(RoutingContext ctx) {
    Principal p = Http.principal(ctx);
    s.users().byId(p.userId())
        .compose(u -> u.isPresent() ? Future.succeededFuture(u.get())
            : Future.failedFuture(ApiException.notFound("account")))
        .compose(u -> s.stories().list(u.id()).map(stories -> new DataExport(u).stories(stories)))
        .compose(export -> s.myAnswers().list(export.userId()).map(export::myAnswers))
        .compose(export -> s.userBanks().list(export.userId()).map(export::banks))
        .compose(export -> s.remembered().list(export.userId()).map(export::remembered))
        .compose(export -> s.sessions().byOwner(export.userId())
            .compose(sessions -> collect(sessions, 0, export)))
        .compose(export -> s.vertx().executeBlocking(export::zip, false))
        .onSuccess(bytes -> ctx.response()
            .putHeader("Content-Type", "application/zip")
            .putHeader("Content-Disposition", "attachment; filename=\"cuecard-" + p.username() + ".zip\"")
            .end(io.vertx.core.buffer.Buffer.buffer(bytes)))
        .onFailure(ctx::fail);
  }

  /** Loads the sessions one after another, so an export never floods the store with parallel reads. */
  private Future<DataExport> collect(java.util.List<Session> sessions, int i, DataExport export) {
    if (i == sessions.size()) {
      return Future.succeededFuture(export);
    }
    Session session = sessions.get(i);
    return TranscriptView.load(s, session)
        .compose(view -> SessionRoutes.summaryOf(s, session).map(summary -> export.add(view, summary)))
        .compose(e -> collect(sessions, i + 1, e));
  }

  private static String text(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof String v) || v.isEmpty() || v.length() > PasswordPolicy.MAX) {
      throw ApiException.badRequest("field '" + field + "' is required (a string of at most " + PasswordPolicy.MAX
          + " characters)");
    }
    return v;
  }
}

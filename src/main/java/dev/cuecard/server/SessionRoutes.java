package dev.cuecard.server;

import dev.cuecard.auth.Principal;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.Records.Participant;
import dev.cuecard.session.Addresses;
import dev.cuecard.store.Invites;
import dev.cuecard.store.Records.Session;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Practice sessions over REST: create, list, get, delete, and the transcript. */
final class SessionRoutes {

  private final Services s;

  SessionRoutes(Services s) {
    this.s = s;
  }

  void mount(Router api) {
    api.post("/sessions").handler(this::create);
    api.get("/sessions").handler(this::list);
    api.get("/sessions/:id").handler(this::get);
    api.delete("/sessions/:id").handler(this::delete);
    api.get("/sessions/:id/transcript").handler(this::transcript);
    api.get("/sessions/:id/summary").handler(this::summary);
    api.post("/sessions/:id/invites").handler(this::createInvite);
    api.get("/sessions/:id/invites").handler(this::listInvites);
    api.delete("/sessions/:id/invites/:inviteId").handler(this::revokeInvite);
    api.get("/search").handler(this::search);
  }

  private void create(RoutingContext ctx) {
    Principal p = Http.principal(ctx);
    String title = "Practice session " + Instant.now().toString().substring(0, 16).replace('T', ' ');
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text != null && !text.isBlank()) {
      Object t = Http.body(ctx).getValue("title");
      if (t != null) {
        int max = s.config().integer(ConfigKey.LIMITS_MAX_TITLE_CHARS);
        if (!(t instanceof String str) || str.isBlank() || str.length() > max) {
          throw ApiException.badRequest("field 'title' must be a non-empty string of at most " + max
              + " characters");
        }
        title = str.strip();
      }
    }
    s.sessions().create(p.userId(), title, System.currentTimeMillis(),
            s.config().integer(ConfigKey.LIMITS_SESSIONS_PER_HOUR))
        .onSuccess(session -> Http.json(ctx, 201, json(session)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    s.sessions().byOwner(Http.principal(ctx).userId())
        .onSuccess(list -> Http.list(ctx, "sessions", list, SessionRoutes::json))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    owned(ctx)
        .compose(session -> s.sessions().participants(session.id()).map(ps -> {
          JsonArray arr = new JsonArray();
          for (Participant p : ps) {
            arr.add(new JsonObject().put("id", p.id()).put("role", p.role()).put("name", p.name()));
          }
          return json(session).put("participants", arr);
        }))
        .onSuccess(body -> Http.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    owned(ctx)
        .compose(session -> s.sessions().delete(session.id()).map(session))
        .onSuccess(session -> {
          s.rooms().sessionDeleted(session.id());
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  private void transcript(RoutingContext ctx) {
    String format = ctx.queryParams().get("format");
    if (format != null && !format.equals("json") && !format.equals("md")) {
      throw ApiException.badRequest("format must be json or md");
    }
    owned(ctx).compose(session -> TranscriptView.load(s, session))
        .onSuccess(t -> {
          if ("md".equals(format)) {
            ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8").end(t.markdown());
          } else {
            Http.json(ctx, 200, t.json());
          }
        })
        .onFailure(ctx::fail);
  }

  /** Per-answer coaching figures with partner ratings, notes, and session totals. */
  private void summary(RoutingContext ctx) {
    owned(ctx).compose(session -> summaryOf(s, session))
        .onSuccess(body -> Http.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  static Future<JsonObject> summaryOf(Services s, Session session) {
    return Future.all(List.of(
            s.coaching().answers(session.id()),
            s.coaching().ratings(session.id()),
            s.coaching().notes(session.id()),
            s.transcripts().utterances(session.id()),
            s.transcripts().cues(session.id())))
        .map(all -> Summary.of(session, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
            all.resultAt(4)));
  }

  /** A short-lived, revocable invite for a practice partner to join this session without an account. */
  private void createInvite(RoutingContext ctx) {
    int minutes = 240;
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text != null && !text.isBlank()) {
      Object m = Http.body(ctx).getValue("ttlMinutes");
      if (m != null) {
        if (!(m instanceof Integer i) || i < 5 || i > 24 * 60) {
          throw ApiException.badRequest("ttlMinutes must be an integer from 5 to 1440");
        }
        minutes = i;
      }
    }
    int ttl = minutes;
    owned(ctx).compose(session -> {
      long now = System.currentTimeMillis();
      Invites.Invite invite = new Invites.Invite(UUID.randomUUID().toString(), session.id(), "partner", now,
          now + ttl * 60_000L, null);
      return s.invites().create(invite, s.config().integer(ConfigKey.LIMITS_INVITES_PER_SESSION)).map(v -> invite);
    }).onSuccess(invite -> {
      String token = s.tokens().issueInvite(invite.id(), invite.sessionId(), invite.role(), ttl * 60);
      Http.json(ctx, 201, new JsonObject().put("id", invite.id()).put("role", invite.role()).put("token", token)
          .put("url", "/partner.html#invite=" + token).put("expiresAt", invite.expiresAt()));
    }).onFailure(ctx::fail);
  }

  private void listInvites(RoutingContext ctx) {
    owned(ctx).compose(session -> s.invites().bySession(session.id())).onSuccess(list -> {
      long now = System.currentTimeMillis();
      Http.list(ctx, "invites", list, i -> new JsonObject().put("id", i.id()).put("role", i.role())
          .put("createdAt", i.createdAt()).put("expiresAt", i.expiresAt()).put("revoked", i.revokedAt() != null)
          .put("usable", i.usable(now)));
    }).onFailure(ctx::fail);
  }

  private void revokeInvite(RoutingContext ctx) {
    String inviteId = ctx.pathParam("inviteId");
    owned(ctx).compose(session -> s.invites().revoke(inviteId, session.id(), System.currentTimeMillis()))
        .onSuccess(found -> {
          if (!found) {
            Http.error(ctx, 404, "not_found", "invite " + inviteId + " not found");
            return;
          }
          s.vertx().eventBus().publish(Addresses.invite(inviteId), "revoked");
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  /** Search across all of the caller's transcripts. */
  private void search(RoutingContext ctx) {
    String q = ctx.queryParams().get("q");
    if (q == null || q.isBlank() || q.length() > 200) {
      throw ApiException.badRequest("q must be 1 to 200 characters");
    }
    s.transcripts().search(Http.principal(ctx).userId(), q.strip(), 100)
        .onSuccess(hits -> Http.list(ctx, "results", hits, h -> new JsonObject().put("sessionId", h.sessionId())
            .put("title", h.title()).put("speaker", h.speaker()).put("text", h.text()).put("at", h.at())))
        .onFailure(ctx::fail);
  }

  private Future<Session> owned(RoutingContext ctx) {
    return owned(s, ctx);
  }

  /** The session named by the path's {@code id} if it exists and belongs to the caller; 404 or 403 otherwise. */
  static Future<Session> owned(Services s, RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Principal p = Http.principal(ctx);
    return s.sessions().get(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.notFound("session " + id));
      }
      if (!found.get().ownerId().equals(p.userId())) {
        return Future.failedFuture(ApiException.forbidden("session " + id + " belongs to another user"));
      }
      return Future.succeededFuture(found.get());
    });
  }

  static JsonObject json(Session x) {
    return new JsonObject().put("id", x.id()).put("title", x.title()).put("createdAt", x.createdAt());
  }


}

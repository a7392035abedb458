package dev.cuecard.server;

import dev.cuecard.auth.Principal;
import dev.cuecard.session.Addresses;
import dev.cuecard.store.Coaching;
import dev.cuecard.store.Invites;
import dev.cuecard.store.Transcripts;
import dev.cuecard.store.Records.Cue;
import dev.cuecard.store.Records.Participant;
import dev.cuecard.store.Records.Session;
import dev.cuecard.store.Records.Utterance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Practice sessions over REST: create, list, get, delete, and the transcript. */
final class SessionRoutes {
  private static final int MAX_TITLE = 200;

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
        if (!(t instanceof String str) || str.isBlank() || str.length() > MAX_TITLE) {
          throw ApiException.badRequest("field 'title' must be a non-empty string of at most " + MAX_TITLE
              + " characters");
        }
        title = str.strip();
      }
    }
    s.sessions().create(p.userId(), title, System.currentTimeMillis())
        .onSuccess(session -> Http.json(ctx, 201, json(session)))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    s.sessions().byOwner(Http.principal(ctx).userId())
        .onSuccess(list -> {
          JsonArray arr = new JsonArray();
          list.forEach(x -> arr.add(json(x)));
          Http.json(ctx, 200, new JsonObject().put("sessions", arr));
        })
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
    owned(ctx).compose(session -> Future.all(List.of(
            s.transcripts().utterances(session.id()),
            s.transcripts().cues(session.id()),
            s.sessions().participants(session.id()),
            s.coaching().ratings(session.id()),
            s.coaching().notes(session.id())))
        .map(all -> new TranscriptData(session, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
            all.resultAt(4))))
        .onSuccess(t -> {
          if ("md".equals(format)) {
            ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8").end(markdown(t));
          } else {
            Http.json(ctx, 200, transcriptJson(t));
          }
        })
        .onFailure(ctx::fail);
  }

  /** Per-answer coaching figures with partner ratings, notes, and session totals. */
  private void summary(RoutingContext ctx) {
    owned(ctx).compose(session -> Future.all(List.of(
            s.coaching().answers(session.id()),
            s.coaching().ratings(session.id()),
            s.coaching().notes(session.id()),
            s.transcripts().utterances(session.id()),
            s.transcripts().cues(session.id())))
        .map(all -> Summary.of(session, all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
            all.resultAt(4))))
        .onSuccess(body -> Http.json(ctx, 200, body))
        .onFailure(ctx::fail);
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
      return s.invites().create(invite).map(v -> invite);
    }).onSuccess(invite -> {
      String token = s.tokens().issueInvite(invite.id(), invite.sessionId(), invite.role(), ttl * 60);
      Http.json(ctx, 201, new JsonObject().put("id", invite.id()).put("role", invite.role()).put("token", token)
          .put("url", "/partner.html#invite=" + token).put("expiresAt", invite.expiresAt()));
    }).onFailure(ctx::fail);
  }

  private void listInvites(RoutingContext ctx) {
    owned(ctx).compose(session -> s.invites().bySession(session.id())).onSuccess(list -> {
      JsonArray arr = new JsonArray();
      long now = System.currentTimeMillis();
      for (Invites.Invite i : list) {
        arr.add(new JsonObject().put("id", i.id()).put("role", i.role()).put("createdAt", i.createdAt())
            .put("expiresAt", i.expiresAt()).put("revoked", i.revokedAt() != null).put("usable", i.usable(now)));
      }
      Http.json(ctx, 200, new JsonObject().put("invites", arr));
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
    s.transcripts().search(Http.principal(ctx).userId(), q.strip(), 100).onSuccess(hits -> {
      JsonArray arr = new JsonArray();
      for (Transcripts.Hit h : hits) {
        arr.add(new JsonObject().put("sessionId", h.sessionId()).put("title", h.title()).put("speaker", h.speaker())
            .put("text", h.text()).put("at", h.at()));
      }
      Http.json(ctx, 200, new JsonObject().put("results", arr));
    }).onFailure(ctx::fail);
  }

  /** The session if it exists and belongs to the caller; 404 or 403 otherwise. */
  private Future<Session> owned(RoutingContext ctx) {
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

  private record TranscriptData(Session session, List<Utterance> utterances, List<Cue> cues,
                                List<Participant> participants, List<Coaching.Rating> ratings,
                                List<Coaching.Note> notes) {
    /**
     * Utterances in time order, each cue placed right after the interviewer utterance it answered:
     * the first one stored at or after the cue was shown (a cue can fire on an interim snippet,
     * before the question's final text arrives). Cues with no such utterance come last.
     */
    List<Object> timeline() {
      List<Object> out = new ArrayList<>();
      int j = 0;
      for (Utterance u : utterances) {
        out.add(u);
        if (u.speaker().equals("interviewer")) {
          while (j < cues.size() && cues.get(j).shownAt() <= u.receivedAt()) {
            out.add(cues.get(j++));
          }
        }
      }
      out.addAll(cues.subList(j, cues.size()));
      // partner ratings and notes slot in by time
      List<Object> extras = new ArrayList<>(ratings);
      extras.addAll(notes);
      extras.sort((a, b) -> Long.compare(at(a), at(b)));
      List<Object> merged = new ArrayList<>();
      int k = 0;
      for (Object o : out) {
        while (k < extras.size() && at(extras.get(k)) < at(o)) {
          merged.add(extras.get(k++));
        }
        merged.add(o);
      }
      merged.addAll(extras.subList(k, extras.size()));
      return merged;
    }

    private static long at(Object o) {
      if (o instanceof Utterance u) {
        return u.receivedAt();
      } else if (o instanceof Cue c) {
        return c.shownAt();
      } else if (o instanceof Coaching.Rating r) {
        return r.at();
      }
      return ((Coaching.Note) o).at();
    }
  }

  private static JsonObject transcriptJson(TranscriptData t) {
    Map<String, String> roles = new HashMap<>();
    t.participants().forEach(p -> roles.put(p.id(), p.role()));
    JsonArray items = new JsonArray();
    for (Object o : t.timeline()) {
      if (o instanceof Utterance u) {
        items.add(new JsonObject().put("kind", "utterance").put("at", u.receivedAt()).put("speaker", u.speaker())
            .put("text", u.text()).put("participantId", u.participantId()).put("role", roles.get(u.participantId()))
            .put("seq", u.seq()).put("ts", u.clientTs()));
      } else if (o instanceof Cue c) {
        items.add(new JsonObject().put("kind", "cue").put("at", c.shownAt()).put("cardId", c.cardId())
            .put("question", c.question()).put("heard", c.heard()).put("score", c.score()).put("source", c.source()));
      } else if (o instanceof Coaching.Rating r) {
        items.add(r.toJson().put("kind", "rating"));
      } else if (o instanceof Coaching.Note n) {
        items.add(n.toJson().put("kind", "note"));
      }
    }
    return json(t.session()).put("items", items);
  }

  private static String markdown(TranscriptData t) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(t.session().title()).append("\n\n");
    sb.append("Started ").append(Instant.ofEpochMilli(t.session().createdAt())).append("\n\n");
    for (Object o : t.timeline()) {
      if (o instanceof Utterance u) {
        String who = u.speaker().equals("interviewer") ? "Interviewer" : "Candidate";
        sb.append("**").append(who).append(":** ").append(escape(u.text())).append("\n\n");
      } else if (o instanceof Cue c) {
        sb.append("> Cue card: ").append(escape(c.question())).append(" (`").append(c.cardId()).append("`)\n\n");
      } else if (o instanceof Coaching.Rating r) {
        sb.append("> Partner rating: ").append(r.score()).append("/5")
            .append(r.note() == null ? "" : " — " + escape(r.note())).append("\n\n");
      } else if (o instanceof Coaching.Note n) {
        sb.append("> Note: ").append(escape(n.text())).append("\n\n");
      }
    }
    return sb.toString();
  }

  /** Keeps spoken text from being read as Markdown markup. */
  private static String escape(String s) {
    return s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
  }
}

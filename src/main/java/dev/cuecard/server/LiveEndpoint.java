package dev.cuecard.server;

import dev.cuecard.auth.Principal;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.protocol.Role;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket handshake for {@code /ws/sessions/{id}}: checks Origin, token, session ownership
 * and role before accepting, and rejects with 403, 401, 404 or 400 otherwise. The token comes from
 * an {@code Authorization: Bearer} header, or (for browsers, which cannot set headers on a
 * WebSocket) the {@code token} query parameter; it is never logged.
 */
final class LiveEndpoint {
  private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());
  static final Pattern PATH = Pattern.compile("/ws/sessions/([A-Za-z0-9-]{1,64})");

  private final Services s;
  private final OriginPolicy origins;

  LiveEndpoint(Services s) {
    this.s = s;
    this.origins = new OriginPolicy(s.config().list(ConfigKey.SERVER_ALLOWED_ORIGINS));
  }

  void handshake(ServerWebSocketHandshake hs) {
    Matcher m = PATH.matcher(hs.path());
    if (!m.matches()) {
      hs.reject(404);
      return;
    }
    String sessionId = m.group(1);
    if (s.liveSockets().full()) {
      hs.reject(503); // before any work: a full server sheds load at the cheapest point
      return;
    }
    String host = hs.headers().get("Host");
    if (!s.hosts().permits(host)) {
      hs.reject(421);
      return;
    }
    if (!origins.permits(hs.headers().get("Origin"), hs.scheme(), host)) {
      LOG.info("rejected WebSocket from origin " + hs.headers().get("Origin") + " for session " + sessionId);
      hs.reject(403);
      return;
    }
    Map<String, List<String>> query = new QueryStringDecoder(hs.uri()).parameters();
    String token = Http.bearer(hs.headers().get("Authorization"));
    if (token == null) {
      token = first(query, "token");
    }
    String roleParam = first(query, "role");
    Role role = roleParam == null ? Role.CANDIDATE : Role.parse(roleParam);
    if (role == null) {
      hs.reject(400);
      return;
    }
    s.tokens().verify(token)
        .recover(e -> Future.failedFuture(new ApiException(401, "unauthorized", e.getMessage())))
        .compose(p -> s.revocations().check(p).compose(revoked -> revoked == null ? Future.succeededFuture(p)
            : Future.failedFuture(new ApiException(401, "unauthorized", revoked))))
        .compose(p -> authorize(p, sessionId, role))
        .compose(p -> reserve(p).compose(v -> s.sessions().participant(sessionId, p.userId(), role.wire(),
                p.username(), System.currentTimeMillis()).map(part -> new Joined(part.id(), p))
            .onFailure(e -> s.liveSockets().release(p.userId()))))
        .onSuccess(j -> hs.accept()
            .onSuccess(ws -> new LiveSocket(s, ws, sessionId, j.participantId(), role, j.principal()).start())
            .onFailure(e -> s.liveSockets().release(j.principal().userId())))
        .onFailure(e -> hs.reject(e instanceof ApiException a ? a.status() : 500));
  }

  private record Joined(String participantId, Principal principal) {
  }

  /** Takes a place under limits.maxSockets (else 503) and limits.socketsPerUser (else 429). */
  private Future<Void> reserve(Principal p) {
    LiveSockets.Refusal refusal = s.liveSockets().reserve(p.userId());
    if (refusal == LiveSockets.Refusal.SERVER_FULL) {
      LOG.warning("refused a WebSocket: " + s.liveSockets().max() + " live sockets (limits.maxSockets)");
      s.metrics().error("server_full");
      return Future.failedFuture(new ApiException(503, "server_full", "too many live connections"));
    }
    if (refusal == LiveSockets.Refusal.USER_FULL) {
      s.metrics().error("sockets_per_user");
      return Future.failedFuture(new ApiException(429, "limit_reached", "too many live connections"));
    }
    return Future.succeededFuture();
  }

  private Future<Principal> authorize(Principal p, String sessionId, Role role) {
    return s.sessions().get(sessionId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.notFound("session"));
      }
      if (!p.isInvite()) {
        return found.get().ownerId().equals(p.userId()) ? Future.succeededFuture(p)
            : Future.failedFuture(ApiException.forbidden("not your session"));
      }
      if (!sessionId.equals(p.sessionId()) || !role.wire().equals(p.role())) {
        return Future.failedFuture(ApiException.forbidden("the invite is for another session or role"));
      }
      return s.invites().usable(p.inviteId(), sessionId, System.currentTimeMillis())
          .compose(ok -> ok ? Future.succeededFuture(p)
              : Future.failedFuture(new ApiException(401, "unauthorized", "invite revoked or expired")));
    });
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}

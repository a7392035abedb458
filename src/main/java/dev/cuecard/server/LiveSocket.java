package dev.cuecard.server;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.protocol.ErrorCode;
import dev.cuecard.protocol.Messages;
import dev.cuecard.protocol.Messages.Incoming;
import dev.cuecard.protocol.Messages.Ping;
import dev.cuecard.protocol.Messages.SnippetMessage;
import dev.cuecard.protocol.ProtocolException;
import dev.cuecard.protocol.Role;
import dev.cuecard.session.Addresses;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import dev.cuecard.auth.Principal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.ServerWebSocket;
import java.util.logging.Logger;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One accepted WebSocket. Validates each frame, applies the per-connection rate limit, forwards
 * snippets to the session's room over the event bus and writes back what the room publishes.
 * Bad input gets an {@code error} message; only a flood, or a frame past the transport limit,
 * closes the socket.
 */
final class LiveSocket {
  private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());
  /**
   * A room answers in milliseconds; a request unanswered this long means its node is gone (it is
   * then joined again, so a room moves after a node dies within about this plus the cluster's
   * failure detection).
   */
  private static final long ROOM_TIMEOUT_MS = 3_000;
  /**
   * Requests to the room a connection may have unanswered. Past this the socket stops reading
   * (TCP pushes back on the client) until half are answered: a burst, such as a client re-sending
   * everything unacked after a reconnect, then waits in the client's socket instead of queueing
   * behind the store's writes for longer than {@link #ROOM_TIMEOUT_MS}.
   */
  static final int MAX_IN_FLIGHT = 64;
  /** Join attempts while a room starts or moves: 50 ms apart at first, backing off to 1 s (about 30 s in all). */
  private static final int JOIN_ATTEMPTS = 40;
  /** Rate-limited messages in a row after which the connection is closed as a flood. */
  static final int FLOOD_CLOSE_AFTER = 100;
  static final short CLOSE_POLICY = 1008;
  static final short CLOSE_TOO_BIG = 1009;
  static final short CLOSE_REPLACED = 4000;
  static final short CLOSE_REVOKED = 4403;
  static final short CLOSE_TOKEN_REVOKED = 4401;
  static final short CLOSE_BAD_DATA = 1007;

  private final Services s;
  private final ServerWebSocket ws;
  private final EventBus bus;
  private final String sessionId;
  private final String participantId;
  private final Role role;
  private final String connectionId = UUID.randomUUID().toString();
  private final int maxBytes;
  private final RateLimiter limiter;
  private MessageConsumer<String> sessionConsumer;
  private MessageConsumer<String> connectionConsumer;
  private int limitedInARow;
  private long lastLimitErrorNanos;
  private boolean closed;
  private int inFlight;
  private boolean backedUp;

  private final Principal principal;
  private final String inviteId;
  private MessageConsumer<String> inviteConsumer;
  /** The owner's private channel (their stories), for the owner's own connections only. */
  private MessageConsumer<String> ownerConsumer;
  private Context context;

  LiveSocket(Services s, ServerWebSocket ws, String sessionId, String participantId, Role role, Principal principal) {
    this.principal = principal;
    this.inviteId = principal.inviteId();
    this.s = s;
    this.ws = ws;
    this.bus = s.vertx().eventBus();
    this.sessionId = sessionId;
    this.participantId = participantId;
    this.role = role;
    this.maxBytes = s.config().integer(ConfigKey.WS_MAX_MESSAGE_BYTES);
    this.limiter = new RateLimiter(s.config().integer(ConfigKey.WS_RATE_PER_SECOND),
        s.config().integer(ConfigKey.WS_RATE_BURST), System.nanoTime());
  }

  Principal principal() {
    return principal;
  }

  /** Closes this socket because its token was revoked; safe to call from any thread. */
  void revoke(String reason) {
    context.runOnContext(v -> {
      send(Messages.error(ErrorCode.TOKEN_REVOKED, reason));
      close(CLOSE_TOKEN_REVOKED, "token revoked");
    });
  }

  void start() {
    context = s.vertx().getOrCreateContext();
    s.liveSockets().opened(principal.userId(), this);
    s.metrics().connectionOpened();
    ws.pause();
    ws.frameHandler(new FrameAssembler(HttpVerticle.MAX_FRAME_BYTES, this::onMessage, this::onTooBig));
    ws.exceptionHandler(this::onException);
    ws.closeHandler(v -> onClose());
    // cluster-wide consumers: the room, and the owner's revocations and deletions, may be on another node
    sessionConsumer = bus.consumer(Addresses.session(sessionId), this::onBroadcast);
    connectionConsumer = bus.consumer(Addresses.connection(connectionId), m -> {
      send(Messages.error(ErrorCode.FORBIDDEN, "this participant connected again elsewhere; closing this connection"));
      close(CLOSE_REPLACED, "replaced by a newer connection");
    });
    if (!principal.isInvite()) {
      ownerConsumer = bus.consumer(Addresses.owner(sessionId), this::onBroadcast);
    }
    if (inviteId != null) {
      inviteConsumer = bus.consumer(Addresses.invite(inviteId), m -> {
        send(Messages.error(ErrorCode.FORBIDDEN, "the session owner revoked this invite"));
        close(CLOSE_REVOKED, "invite revoked");
      });
    }
    sessionConsumer.completion().compose(v -> connectionConsumer.completion())
        .compose(v -> ownerConsumer == null ? Future.succeededFuture() : ownerConsumer.completion())
        .onComplete(v -> join(1));
  }

  private void join(int attempt) {
    joinRoom()
        .onSuccess(reply -> {
          JsonObject r = reply.body();
          send(new JsonObject()
              .put("type", "welcome")
              .put("v", Messages.PROTOCOL_VERSION)
              .put("sessionId", sessionId)
              .put("participantId", participantId)
              .put("role", role.wire())
              .put("lastSeq", r.getLong("lastSeq"))
              .put("cue", r.getJsonObject("cue"))
              .put("coverage", r.getJsonObject("coverage"))
              .put("stage", r.getJsonObject("stage"))
              .put("stories", r.getJsonObject("stories"))
              .put("story", r.getJsonObject("story"))
              .put("mine", r.getJsonObject("mine"))
              .put("limits", new JsonObject()
                  .put("maxMessageBytes", maxBytes)
                  .put("ratePerSecond", s.config().integer(ConfigKey.WS_RATE_PER_SECOND))
                  .put("rateBurst", s.config().integer(ConfigKey.WS_RATE_BURST))));
          if (closed) {
            leave(); // closed while joining: the earlier leave may have reached the room first
          } else {
            ws.resume();
          }
        })
        .onFailure(e -> {
          if (attempt < JOIN_ATTEMPTS && !closed) {
            // the room is starting or moving to another node (its owner stopped or died): try again shortly
            s.vertx().setTimer(Math.min(1000, 50L * attempt), t -> join(attempt + 1));
            return;
          }
          LOG.warning("could not join session " + sessionId + ": " + e.getMessage());
          send(Messages.error(ErrorCode.INTERNAL, "could not join the session; try again"));
          close((short) 1011, "join failed");
        });
  }

  /**
   * Joins the session's room wherever it runs. When no node serves it (it has not started, or its
   * node stopped or died), this node claims it first; a claim lost to another node is fine, since
   * the join then reaches the winner.
   */
  private Future<Message<JsonObject>> joinRoom() {
    JsonObject join = new JsonObject().put("op", "join").put("participantId", participantId)
        .put("connectionId", connectionId).put("role", role.wire())
        .put("ownerUserId", principal.isInvite() ? null : principal.userId());
    return request(join).recover(e -> roomGone(e)
        ? s.rooms().open(sessionId).transform(claimed -> request(join))
        : Future.failedFuture(e));
  }

  private Future<Message<JsonObject>> request(JsonObject body) {
    return bus.request(Addresses.room(sessionId), body, new DeliveryOptions().setSendTimeout(ROOM_TIMEOUT_MS));
  }

  /** No room answers at its address: none runs, or the node running it is gone. */
  private static boolean roomGone(Throwable e) {
    return e instanceof ReplyException re
        && (re.failureType() == ReplyFailure.NO_HANDLERS || re.failureType() == ReplyFailure.TIMEOUT);
  }

  private void onText(String text) {
    if (closed || !admit()) {
      return;
    }
    if (tooLarge(text)) {
      sendError(Messages.error(ErrorCode.TOO_LARGE, "message is larger than " + maxBytes + " bytes"));
      return;
    }
    Incoming in;
    try {
      in = Messages.parse(text);
    } catch (ProtocolException e) {
      sendError(Messages.error(e.code(), e.getMessage()));
      return;
    }
    if (in instanceof Ping p) {
      toRoom(new JsonObject().put("op", "ping").put("id", p.id()), null);
    } else if (in instanceof SnippetMessage sm) {
      snippet(sm);
    } else {
      CoachRequests.Request r = CoachRequests.of(in, participantId, role, principal.isInvite(),
          s.config().integer(ConfigKey.LIMITS_MAX_NOTE_CHARS));
      if (r.error() != null) {
        sendError(r.error());
      } else {
        toRoom(r.body(), r.seq());
      }
    }
  }

  /** Sends a request to the room and writes its reply, if any, back to the client. */
  private void toRoom(JsonObject request, Long seq) {
    if (++inFlight >= MAX_IN_FLIGHT && !backedUp) {
      backedUp = true;
      ws.pause();
    }
    // a room that went away (its node died) is joined again wherever it is restored, and asked once more
    request(request).recover(e -> roomGone(e) ? joinRoom().compose(joined -> request(request)) : Future.failedFuture(e))
        .onComplete(done -> {
          if (--inFlight <= MAX_IN_FLIGHT / 2 && backedUp) {
            backedUp = false;
            if (!closed) {
              ws.resume();
            }
          }
        })
        .onSuccess(reply -> {
          JsonObject body = reply.body();
          if (body != null) {
            if ("error".equals(body.getString("type"))) {
              s.metrics().error(body.getString("code"));
            }
            send(body);
          }
        })
        .onFailure(e -> {
          JsonObject err = Messages.error(ErrorCode.INTERNAL, seq == null ? "request was not processed; try again"
              : "snippet " + seq + " was not processed; send it again");
          sendError(seq == null ? err : err.put("seq", seq));
        });
  }

  private void snippet(SnippetMessage sm) {
    if (!role.maySpeakAs(sm.snippet().speaker())) {
      sendError(Messages.error(ErrorCode.FORBIDDEN, "a " + role.wire() + " may not send "
          + sm.snippet().speaker().wire() + " speech").put("seq", sm.snippet().seq()));
      return;
    }
    toRoom(new JsonObject()
        .put("op", "snippet")
        .put("participantId", participantId)
        .put("role", role.wire())
        .put("snippet", sm.snippet().toJson()), sm.snippet().seq());
  }

  /** A whole message from {@link FrameAssembler}: binary, text, or text that is not UTF-8 (null). */
  private void onMessage(Buffer binary, String text) {
    if (closed) {
      return;
    }
    if (binary != null) {
      onBinary(binary);
    } else if (text == null) {
      s.metrics().error("invalid_utf8");
      close(CLOSE_BAD_DATA, "text message is not valid UTF-8");
    } else {
      onText(text);
    }
  }

  /** A message outgrew the transport cap across continuation frames. */
  private void onTooBig() {
    sendError(Messages.error(ErrorCode.TOO_LARGE, "message is larger than the server's hard limit"));
    close(CLOSE_TOO_BIG, "message too big");
  }

  private void onException(Throwable e) {
    // Vert.x reports a fragmented message that outgrows the transport cap this way
    if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size")) {
      sendError(Messages.error(ErrorCode.TOO_LARGE, "message is larger than the server's hard limit"));
      close(CLOSE_TOO_BIG, "message too big");
    } else if (e instanceof CorruptedWebSocketFrameException c) {
      // e.g. a compressed frame (RSV1) when no compression was negotiated: refused before its payload is read
      s.metrics().error("protocol_violation");
      String reason = "protocol error: " + c.getMessage();
      close((short) c.closeStatus().code(), reason.length() > 100 ? reason.substring(0, 100) : reason);
    } else {
      LOG.fine("socket error on session " + sessionId + ": " + e.getMessage());
    }
  }

  private void onBinary(Buffer b) {
    if (closed || !admit()) {
      return;
    }
    sendError(Messages.error(ErrorCode.BINARY_NOT_SUPPORTED, "binary frames are not supported; send JSON text"));
  }

  /** Applies the rate limit; answers one rate_limited error per second and closes on a sustained flood. */
  private boolean admit() {
    long now = System.nanoTime();
    if (limiter.tryAcquire(now)) {
      limitedInARow = 0;
      return true;
    }
    limitedInARow++;
    if (limitedInARow >= FLOOD_CLOSE_AFTER) {
      s.metrics().error(ErrorCode.RATE_LIMITED.wire());
      close(CLOSE_POLICY, "rate limit exceeded");
    } else if (now - lastLimitErrorNanos > 1_000_000_000L) {
      lastLimitErrorNanos = now;
      sendError(Messages.error(ErrorCode.RATE_LIMITED, "too many messages; slow down (limit "
          + s.config().integer(ConfigKey.WS_RATE_PER_SECOND) + "/s)"));
    }
    return false;
  }

  private void onBroadcast(Message<String> m) {
    if (closed) {
      return;
    }
    ws.writeTextMessage(m.body());
    String close = m.headers().get(Addresses.CLOSE_HEADER);
    if (close != null) {
      int colon = close.indexOf(':');
      close(Short.parseShort(close.substring(0, colon)), close.substring(colon + 1));
    }
  }

  private void sendError(JsonObject error) {
    s.metrics().error(error.getString("code"));
    send(error);
  }

  private void send(JsonObject message) {
    if (!closed) {
      ws.writeTextMessage(message.encode());
    }
  }

  private void close(short code, String reason) {
    if (!closed) {
      closed = true;
      ws.close(code, reason);
    }
  }

  private void onClose() {
    closed = true;
    s.liveSockets().closed(principal.userId(), this);
    s.metrics().connectionClosed();
    sessionConsumer.unregister();
    connectionConsumer.unregister();
    if (ownerConsumer != null) {
      ownerConsumer.unregister();
    }
    if (inviteConsumer != null) {
      inviteConsumer.unregister();
    }
    leave();
  }

  private void leave() {
    bus.send(Addresses.room(sessionId), new JsonObject()
        .put("op", "leave").put("participantId", participantId).put("connectionId", connectionId));
  }

  private boolean tooLarge(String text) {
    int chars = text.length();
    if (chars > maxBytes) {
      return true;
    }
    // a char is at most 3 UTF-8 bytes (surrogate pairs: 4 bytes for 2 chars)
    return chars * 3L > maxBytes && text.getBytes(StandardCharsets.UTF_8).length > maxBytes;
  }
}

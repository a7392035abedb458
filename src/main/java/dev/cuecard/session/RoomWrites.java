package dev.cuecard.session;

import dev.cuecard.protocol.ErrorCode;
import dev.cuecard.protocol.Messages;
import dev.cuecard.protocol.Speaker;
import dev.cuecard.store.Records;
import dev.cuecard.store.StoreUnavailableException;
import dev.cuecard.store.Transcripts;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;

/**
 * The write half of a room: stores final utterances one after another and answers each from the
 * store's own result (echo and ack, or {@code store_failed}). Runs on the room's event loop.
 */
final class RoomWrites {
  private final String sessionId;
  private final Transcripts transcripts;
  private final Consumer<JsonObject> publish;
  /** The room's latest final write; the next one starts when it has completed. */
  private Future<Boolean> lastWrite = Future.succeededFuture();

  RoomWrites(String sessionId, Transcripts transcripts, Consumer<JsonObject> publish) {
    this.sessionId = sessionId;
    this.transcripts = transcripts;
    this.publish = publish;
  }

  /**
   * Stores a final utterance and answers for it from the store's own result: {@code ack} once it is
   * stored ({@code duplicate} when the store already held that seq), {@code store_failed} when the
   * write failed. Its transcript echo goes out when it is first stored, so what every participant
   * sees as said is what the session's record holds. A room's writes run one after another (on
   * PostgreSQL the pool would otherwise run them side by side), so echoes and acks keep the order
   * in which the snippets arrived. {@code echoOf} names the other speaker when this is their words
   * heard again ({@link CrossTalk}); a late re-send is stored as it came, unjudged.
   */
  void storeFinal(Message<JsonObject> msg, String participant, String role, Speaker speaker, String text,
                  long seq, Long ts, long now, Speaker echoOf) {
    String echo = echoOf == null ? null : echoOf.wire();
    Future<Boolean> stored = lastWrite.transform(previous -> transcripts.addUtterance(
        new Records.Utterance(sessionId, participant, seq, speaker.wire(), text, ts, now, echo)));
    lastWrite = stored;
    stored
        .onSuccess(inserted -> {
          if (inserted) {
            publish.accept(transcript(participant, role, speaker, text, true, seq, ts, now, echoOf));
          }
          msg.reply(Messages.ack(seq, !inserted));
        })
        .onFailure(e -> msg.reply(Messages.error(ErrorCode.STORE_FAILED, "could not store " + speaker.wire()
            + " speech seq " + seq + (e instanceof StoreUnavailableException ? " (" + e.getMessage() + ")" : "")
            + "; send it again with the same seq").put("seq", seq)));
  }

  /** The echo every participant gets of what was said. */
  JsonObject transcript(String participant, String role, Speaker speaker, String text, boolean isFinal, long seq,
                        Long ts, long at, Speaker echoOf) {
    JsonObject m = new JsonObject()
        .put("type", "transcript")
        .put("sessionId", sessionId)
        .put("participantId", participant)
        .put("role", role)
        .put("speaker", speaker.wire())
        .put("text", text)
        .put("final", isFinal)
        .put("seq", seq)
        .put("ts", ts)
        .put("at", at);
    return echoOf == null ? m : m.put("echoOf", echoOf.wire());
  }
}

package dev.cuecard.server;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Turns one socket's frames into messages and checks that a text message is UTF-8, as RFC 6455
 * requires (Vert.x's own text handler would quietly turn bad bytes into U+FFFD). A message in one
 * frame, the usual case, is handed on as it is; a fragmented one is assembled up to
 * {@code maxBytes}, past which {@code tooBig} is called and the rest of it ignored. Each message
 * goes to {@code message} as (bytes, null) when binary, (null, text) when text, or (null, null)
 * when its text is not UTF-8. Event-loop only, one per socket.
 */
final class FrameAssembler implements Handler<WebSocketFrame> {
  private final int maxBytes;
  private final BiConsumer<Buffer, String> message;
  private final Runnable tooBig;
  private Buffer partial;
  private boolean partialIsText;

  FrameAssembler(int maxBytes, BiConsumer<Buffer, String> message, Runnable tooBig) {
    this.maxBytes = maxBytes;
    this.message = message;
    this.tooBig = tooBig;
  }

  @Override
  public void handle(WebSocketFrame f) {
    if (f.isClose() || f.type() == WebSocketFrameType.PING || f.type() == WebSocketFrameType.PONG) {
      return; // Vert.x answers control frames itself
    }
    if (!f.isContinuation() && f.isFinal()) {
      deliver(f.binaryData(), f.isText());
      return;
    }
    if (f.isContinuation()) {
      if (partial == null) {
        return; // nothing to continue: dropped (or the rest of a message already refused as too big)
      }
      partial.appendBuffer(f.binaryData());
    } else {
      partial = f.binaryData().copy();
      partialIsText = f.isText();
    }
    if (partial.length() > maxBytes) {
      partial = null;
      tooBig.run();
      return;
    }
    if (f.isFinal()) {
      Buffer whole = partial;
      partial = null;
      deliver(whole, partialIsText);
    }
  }

  private void deliver(Buffer bytes, boolean isText) {
    if (isText) {
      message.accept(null, strictUtf8(bytes));
    } else {
      message.accept(bytes, null);
    }
  }

  private static String strictUtf8(Buffer b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b.getBytes())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

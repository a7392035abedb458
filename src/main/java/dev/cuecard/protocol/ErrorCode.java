package dev.cuecard.protocol;

import java.util.Locale;

/** Machine-readable codes of WebSocket {@code error} messages (see docs/protocol.md). */
public enum ErrorCode {
  BAD_JSON,
  UNKNOWN_TYPE,
  INVALID_MESSAGE,
  UNSUPPORTED_VERSION,
  TOO_LARGE,
  BINARY_NOT_SUPPORTED,
  RATE_LIMITED,
  FORBIDDEN,
  STORE_FAILED,
  SESSION_DELETED,
  TOKEN_REVOKED,
  LIMIT_REACHED,
  INTERNAL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}

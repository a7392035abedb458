package dev.cuecard.protocol;

/** A client message that cannot be accepted; {@code code} is one of {@link ErrorCode}. */
public class ProtocolException extends RuntimeException {
  private final ErrorCode code;

  public ProtocolException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}

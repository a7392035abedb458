package dev.cuecard.store;

/**
 * The store cannot do its job at all right now (disk full, I/O error, a damaged or read-only
 * database), as opposed to one statement going wrong. The API answers it with 503 and the
 * message, which says what is wrong in words an operator can act on.
 */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

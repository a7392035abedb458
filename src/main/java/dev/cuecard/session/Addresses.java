package dev.cuecard.session;

/**
 * Event-bus addresses. Everything a session's sockets receive is published to one address per
 * session; the room (the session's single owner of live state) listens on its own address, so a
 * clustered event bus can carry both unchanged.
 */
public final class Addresses {
  /** Header on a session broadcast telling sockets to close afterwards, value "code:reason". */
  public static final String CLOSE_HEADER = "close";

  /** Every node listens here for account changes (logout, password change, deletion), body: the user id. */
  public static final String ACCOUNTS = "cuecard.accounts";

  private Addresses() {
  }

  /** Where the room publishes what every socket of the session should receive. */
  public static String session(String sessionId) {
    return "cuecard.session." + sessionId;
  }

  /**
   * What only the session owner's own connections receive (their stories and a pinned story's
   * coverage), never a partner's or an observer's.
   */
  public static String owner(String sessionId) {
    return "cuecard.session." + sessionId + ".owner";
  }

  /** Where the room takes requests (join, leave, snippet, deleted). */
  public static String room(String sessionId) {
    return "cuecard.room." + sessionId;
  }

  /** Sockets opened with one invite; a revocation is published here. */
  public static String invite(String inviteId) {
    return "cuecard.invite." + inviteId;
  }

  /** One connection's private address (for telling it that a newer connection replaced it). */
  public static String connection(String connectionId) {
    return "cuecard.conn." + connectionId;
  }
}

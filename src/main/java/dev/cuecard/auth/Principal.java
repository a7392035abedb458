package dev.cuecard.auth;

/**
 * Who is calling, as proven by a verified token. {@code sessionId}, {@code role} and
 * {@code inviteId} are set only for invite tokens, scoped to one session and role; account tokens
 * carry null and may reach all of the user's sessions.
 */
public record Principal(String userId, String username, String sessionId, String role, String inviteId) {
  public static Principal account(String userId, String username) {
    return new Principal(userId, username, null, null, null);
  }

  public boolean isInvite() {
    return inviteId != null;
  }
}

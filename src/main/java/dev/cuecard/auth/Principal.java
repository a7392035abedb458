package dev.cuecard.auth;

/**
 * Who is calling, as proven by a verified token. {@code sessionId} is set only for tokens scoped
 * to one session (invites); account tokens carry null and may reach all of the user's sessions.
 */
public record Principal(String userId, String username, String sessionId, String role) {
  public static Principal account(String userId, String username) {
    return new Principal(userId, username, null, null);
  }
}

package dev.cuecard.auth;

/**
 * Who is calling, as proven by a verified token. {@code sessionId}, {@code role} and
 * {@code inviteId} are set only for invite tokens, scoped to one session and role; account tokens
 * carry null and may reach all of the user's sessions. An account token also carries its id
 * ({@code tokenId}, for logging that one token out), the account's token version when it was
 * issued (raised by a password change or "log out everywhere"), and its expiry in epoch seconds.
 */
public record Principal(String userId, String username, String sessionId, String role, String inviteId,
                        String tokenId, int version, long expiresAt) {
  public static Principal account(String userId, String username, String tokenId, int version, long expiresAt) {
    return new Principal(userId, username, null, null, null, tokenId, version, expiresAt);
  }

  public static Principal invite(String sub, String name, String sessionId, String role, String inviteId,
                                 long expiresAt) {
    return new Principal(sub, name, sessionId, role, inviteId, inviteId, 0, expiresAt);
  }

  public boolean isInvite() {
    return inviteId != null;
  }
}

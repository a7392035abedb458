package dev.cuecard.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies HS256 JWT access tokens. The signing secret comes from configuration, or is
 * generated on first run and kept: in {@code <data>/jwt.key} (mode 0600) with SQLite, in the
 * database with PostgreSQL, so every node of a cluster signs and verifies with the same key.
 */
public final class Tokens {
  public static final String KEY_FILE = "jwt.key";
  private static final String TYPE_ACCESS = "access";
  private static final String TYPE_INVITE = "invite";

  private final JWTAuth jwt;
  private final String issuer;
  private final int ttlSeconds;

  public Tokens(Vertx vertx, String secret, String issuer, int ttlSeconds) {
    this.issuer = issuer;
    this.ttlSeconds = ttlSeconds;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(issuer).setLeeway(0)));
  }

  /** 256 random bits, URL-safe Base64: a fresh signing secret. */
  public static String newSecret() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** Reads the key file, creating it (0600) with 256 random bits when absent. Blocking: start-up only. */
  public static String loadOrCreateSecret(Path dataDir) {
    Path file = dataDir.resolve(KEY_FILE);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        String secret = newSecret();
        try {
          if (supportsPosix(dataDir)) {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(perms));
          } else {
            Files.createFile(file);
          }
          Files.writeString(file, secret, StandardCharsets.US_ASCII);
          return secret;
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: fall through and read theirs
        }
      }
      String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (secret.length() < 32) {
        throw new IllegalStateException("JWT key file " + file + " is too short; delete it to generate a new one");
      }
      return secret;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create JWT key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean supportsPosix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  /**
   * An access token for an account: {@code jti} names it (so it alone can be logged out) and
   * {@code ver} is the account's token version, which a password change or "log out everywhere"
   * raises, ending every token issued before.
   */
  public String issue(String userId, String username, int version) {
    return jwt.generateToken(new JsonObject().put("sub", userId).put("name", username).put("typ", TYPE_ACCESS)
            .put("jti", UUID.randomUUID().toString()).put("ver", version),
        new JWTOptions().setIssuer(issuer).setExpiresInSeconds(ttlSeconds));
  }

  /**
   * A short-lived invite for one session and role (a practice partner joining without an account).
   * {@code inviteId} lets the owner revoke it.
   */
  public String issueInvite(String inviteId, String sessionId, String role, int ttlSeconds) {
    return jwt.generateToken(new JsonObject().put("sub", "invite:" + inviteId).put("name", "Partner")
            .put("typ", TYPE_INVITE).put("sid", sessionId).put("role", role).put("jti", inviteId),
        new JWTOptions().setIssuer(issuer).setExpiresInSeconds(ttlSeconds));
  }

  /** Verifies signature, issuer and expiry; fails with a short reason safe to show the caller. */
  public Future<Principal> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture("missing token");
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture("invalid or expired token"))
        .compose(user -> {
          // the verified payload lives in the "accessToken" attribute; principal() only holds the raw token
          JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
          String sub = claims.getString("sub");
          String typ = claims.getString("typ");
          if (sub == null || !claims.containsKey("exp")) {
            return Future.failedFuture("invalid token");
          }
          long exp = claims.getLong("exp");
          if (TYPE_ACCESS.equals(typ)) {
            if (claims.getString("jti") == null || !(claims.getValue("ver") instanceof Number ver)) {
              return Future.failedFuture("token from an older server version; log in again");
            }
            return Future.succeededFuture(Principal.account(sub, claims.getString("name", ""),
                claims.getString("jti"), ver.intValue(), exp));
          }
          if (TYPE_INVITE.equals(typ) && claims.getString("sid") != null && claims.getString("jti") != null) {
            return Future.succeededFuture(Principal.invite(sub, claims.getString("name", "Partner"),
                claims.getString("sid"), claims.getString("role"), claims.getString("jti"), exp));
          }
          return Future.failedFuture("invalid token");
        });
  }
}

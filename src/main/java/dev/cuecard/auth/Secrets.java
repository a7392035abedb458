package dev.cuecard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets that are not passwords (signup codes, the local link's key), their storage hash,
 * and the constant-time comparison every check of a presented secret uses. A one-time code is 120
 * random bits in hex; only its SHA-256 is stored (a fast hash is enough for a long random secret,
 * unlike a password).
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {
  }

  /** 120 random bits as 30 hex characters. */
  public static String newToken() {
    byte[] raw = new byte[15];
    RANDOM.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  public static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a presented secret equals the expected one, in time that does not depend on where they differ. */
  public static boolean same(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }
}

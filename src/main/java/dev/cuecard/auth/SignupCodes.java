package dev.cuecard.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One-time signup codes for invite-only registration. A code is 120 random bits in hex; only its
 * SHA-256 is stored (a fast hash is enough for a long random secret, unlike a password).
 */
public final class SignupCodes {
  private SignupCodes() {
  }

  public static String newCode() {
    byte[] raw = new byte[15];
    new SecureRandom().nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  public static String hash(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

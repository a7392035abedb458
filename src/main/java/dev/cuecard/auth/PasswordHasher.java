package dev.cuecard.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$iterations$salt$hash}.
 * The iteration count travels with each hash, so raising it later keeps old hashes verifiable.
 * Hashing is deliberately slow: call it from a worker thread, never an event loop.
 */
public final class PasswordHasher {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();
  /** Salt and key for {@link #verifyDummy}: random, so no password can match them. */
  private final byte[] dummySalt = new byte[SALT_BYTES];
  private final byte[] dummyKey = new byte[KEY_BITS / 8];

  public PasswordHasher(int iterations) {
    this.iterations = iterations;
    random.nextBytes(dummySalt);
    random.nextBytes(dummyKey);
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] key = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }

  /** Constant-time check of a password against a stored hash; false for any malformed hash. */
  public boolean verify(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return false;
    }
    try {
      int iter = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iter));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Spends what a real check spends (one derivation at the configured iterations and a
   * constant-time comparison), so unknown usernames cannot be told apart by timing.
   */
  public void verifyDummy(String password) {
    MessageDigest.isEqual(dummyKey, derive(password, dummySalt, iterations));
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }
}

package dev.cuecard.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: 8 to 256 characters, not only blanks, not built from the
 * username, not one character repeated or a run like "12345678" or "abcdefgh", and not on the
 * list of commonly used passwords ({@code common-passwords.txt}). Each refusal says why.
 */
public final class PasswordPolicy {
  public static final int MIN = 8;
  public static final int MAX = 256;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {
  }

  /** Reads the list now (start-up calls this on a worker, so no first registration reads it on an event loop). */
  public static void preload() {
    // loading the class reads the list
  }

  /** Null when the password is acceptable, else the reason to show the user. */
  public static String problem(String password, String username) {
    if (password.length() < MIN || password.length() > MAX) {
      return "password must be " + MIN + " to " + MAX + " characters";
    }
    if (password.isBlank()) {
      return "password must not be only spaces";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String squeezed = lower.replaceAll("[\\s._-]", "");
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("[._-]", "");
    if (!name.isEmpty() && (squeezed.contains(name) || name.contains(squeezed))) {
      return "password must not contain the username";
    }
    if (squeezed.chars().distinct().count() <= 2) {
      return "password must not be one or two characters repeated";
    }
    if (isRun(squeezed)) {
      return "password must not be a run of keys like 12345678 or abcdefgh";
    }
    if (COMMON.contains(lower) || COMMON.contains(squeezed) || COMMON.contains(lower.replaceAll("[0-9!.]+$", ""))) {
      return "that password is on the list of the most commonly used passwords; choose another";
    }
    return null;
  }

  private static boolean isRun(String s) {
    if (s.length() < 2) {
      return false;
    }
    int step = s.charAt(1) - s.charAt(0);
    if (Math.abs(step) != 1) {
      return "qwertyuiop".contains(s) || "asdfghjkl".contains(s) || "qwertyuiopasdfghjkl".contains(s);
    }
    for (int i = 2; i < s.length(); i++) {
      if (s.charAt(i) - s.charAt(i - 1) != step) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> load() {
    Set<String> set = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.strip().toLowerCase(Locale.ROOT);
        if (!w.isEmpty() && !w.startsWith("#")) {
          set.add(w);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return set;
  }
}

package dev.cuecard.server;

import java.util.List;
import java.util.Locale;

/**
 * Guards WebSocket handshakes against cross-site WebSocket hijacking. A browser always sends
 * Origin; by default only the server's own origin (scheme and the Host the browser used) is
 * accepted, or the configured allow-list when one is set ("*" allows any). Clients that are not
 * browsers send no Origin and rely on their token alone.
 */
final class OriginPolicy {
  private final List<String> allowed;

  OriginPolicy(List<String> allowed) {
    this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  boolean permits(String origin, String scheme, String host) {
    if (origin == null) {
      return true;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    if (!allowed.isEmpty()) {
      return allowed.contains("*") || allowed.contains(o);
    }
    if (host == null) {
      return false;
    }
    String own = scheme.toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT);
    return o.equals(own) || o.equals(withoutDefaultPort(own));
  }

  private static String withoutDefaultPort(String origin) {
    if (origin.startsWith("http://") && origin.endsWith(":80")) {
      return origin.substring(0, origin.length() - 3);
    }
    if (origin.startsWith("https://") && origin.endsWith(":443")) {
      return origin.substring(0, origin.length() - 4);
    }
    return origin;
  }
}

package dev.cuecard.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards against DNS rebinding: a page on an attacker's domain whose name is made to resolve to
 * this server would otherwise count as same-origin with it. Requests are answered only for Host
 * names the server is meant to have: IP literals and loopback names (a rebinding attack needs a
 * domain name), the host of {@code server.publicUrl}, and {@code server.allowedHosts} ("*" turns
 * the check off). Anything else gets 421.
 */
final class HostPolicy {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final java.util.Set<String> LOOPBACK = java.util.Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  private final List<String> allowed;
  private final boolean any;

  HostPolicy(String publicUrl, List<String> allowedHosts) {
    List<String> names = new java.util.ArrayList<>(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    if (!publicUrl.isEmpty()) {
      names.add(URI.create(publicUrl).getHost().toLowerCase(Locale.ROOT));
    }
    this.any = names.contains("*");
    this.allowed = List.copyOf(names);
  }

  /** Whether a configured bind address ({@code server.host}) is this machine only. */
  static boolean isLoopback(String bindHost) {
    return LOOPBACK.contains(bindHost);
  }

  boolean permits(String hostHeader) {
    if (hostHeader == null || any) {
      return true; // browsers always send Host; a client without one is not a rebound page
    }
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      return true; // an IPv6 literal
    }
    int colon = h.lastIndexOf(':');
    String name = colon >= 0 ? h.substring(0, colon) : h;
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return IPV4.matcher(name).matches() || name.equals("localhost") || name.endsWith(".localhost")
        || allowed.contains(name);
  }
}

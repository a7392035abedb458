package dev.cuecard.server;

import io.vertx.core.http.HttpServerResponse;

import java.util.regex.Pattern;

/**
 * The headers that tell a browser what Cuecard's pages may do. Scripts, styles, images and fonts
 * come from the server itself only, with no inline script or style; connections go to the
 * server and its own WebSocket origin; no page may frame Cuecard; the microphone, screen
 * capture and on-device speech recognition are for Cuecard's own pages only (the camera,
 * location and payment for none); and with an https {@code server.publicUrl}, browsers are
 * told to use https only (HSTS).
 */
final class BrowserPolicy {
  private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");
  static final String PERMISSIONS = "microphone=(self), display-capture=(self), on-device-speech-recognition=(self), "
      + "camera=(), geolocation=(), "
      + "payment=(), usb=(), serial=(), bluetooth=(), midi=(), interest-cohort=()";

  private final boolean hsts;

  BrowserPolicy(String publicUrl) {
    this.hsts = publicUrl.startsWith("https://");
  }

  void apply(HttpServerResponse r, String host) {
    String ws = host != null && SAFE_HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
    r.putHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; media-src 'self' blob:; connect-src 'self'" + ws + "; "
            + "manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        .putHeader("Permissions-Policy", PERMISSIONS)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Cross-Origin-Resource-Policy", "same-origin");
    if (hsts) {
      r.putHeader("Strict-Transport-Security", "max-age=31536000");
    }
  }
}

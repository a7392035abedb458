package dev.cuecard.server;

import dev.cuecard.support.ChildServer;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real server process exposes Micrometer metrics: Cuecard's own, the JVM's (memory, GC
 * pauses, threads), event-loop delay, and Vert.x's HTTP, event-bus and worker-pool metrics, here
 * on a separate management port (metrics.port) while the main port has no /metrics.
 */
@ExtendWith(VertxExtension.class)
class MetricsTest {
  @TempDir
  Path dir;

  @Test
  void theServerProcessReportsJvmVertxAndCuecardMetricsOnItsManagementPort(Vertx vertx) throws Exception {
    int management;
    try (ServerSocket free = new ServerSocket(0)) {
      management = free.getLocalPort();
    }
    try (ChildServer server = ChildServer.start(vertx, dir, "--metrics.port=" + management)) {
      String token = server.newUser();
      String session = server.newSession(token);
      try (WsClient ws = WsClient.connect(server, token, session)) {
        ws.snippet("interviewer", "what is a python decorator", true, 1);
        ws.next("cue");
      }
      assertEquals(404, server.call("GET", "/metrics", null, (String) null).status(), "not on the main port");
      Thread.sleep(300); // a few event-loop delay samples
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + management + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      String text = r.body();
      for (String family : List.of("cuecard_cues_total", "cuecard_snippets_total", "cuecard_match_latency_seconds_count",
          "cuecard_websocket_connections", "cuecard_event_loop_delay_seconds_count", "jvm_memory_used_bytes",
          "jvm_gc_pause_seconds", "jvm_threads_live_threads", "process_resident_memory_bytes",
          "vertx_http_server_requests_total", "vertx_eventbus_handlers", "vertx_pool_")) {
        assertTrue(text.contains(family), family + " missing from /metrics:\n" + text.lines().limit(80).toList());
      }
      assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + management + "/health")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode());
    }
  }
}

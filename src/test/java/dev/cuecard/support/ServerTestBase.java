package dev.cuecard.support;

import dev.cuecard.config.Config;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A real server in a temp data dir, fresh for every test. */
@ExtendWith(VertxExtension.class)
public abstract class ServerTestBase {
  @TempDir
  protected Path dir;
  protected TestServer server;

  /** The server's configuration; override to change limits. */
  protected Config config() {
    return TestServer.config(dir);
  }

  @BeforeEach
  void startServer(Vertx vertx) {
    server = TestServer.start(vertx, config());
  }

  @AfterEach
  void stopServer() {
    if (server != null) { // null when the test was skipped before its server started
      server.close();
    }
  }
}

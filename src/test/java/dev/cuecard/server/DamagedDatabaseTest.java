package dev.cuecard.server;

import dev.cuecard.store.StoreUnavailableException;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged database file is refused at start-up with a message that says how to recover, and left as it was. */
@ExtendWith(VertxExtension.class)
class DamagedDatabaseTest {
  @TempDir
  Path dir;

  @Test
  void aDatabaseWithDamagedPagesIsRefusedAndLeftUntouched(Vertx vertx) throws Exception {
    TestStore.assumeSqlite("a damaged SQLite file");
    try (TestServer server = TestServer.start(vertx, TestServer.builder(dir)
        .set(ConfigKey.WS_RATE_PER_SECOND, 1000).set(ConfigKey.WS_RATE_BURST, 1000).build())) {
      String token = server.newUser();
      String session = server.newSession(token);
      try (WsClient ws = WsClient.connect(server, token, session)) {
        for (long seq = 1; seq <= 200; seq++) {
          ws.snippet("candidate", "an answer long enough to fill a few pages, number " + seq, true, seq);
          ws.next("ack");
        }
      }
    }
    Path file = dir.resolve("cuecard.db");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] garbage = new byte[4096];
      Arrays.fill(garbage, (byte) 0x5a);
      long pages = f.length() / 4096;
      assertTrue(pages > 6, "a database of several pages: " + pages);
      for (long page = 2; page < pages; page += 2) { // keep the header page, damage every other one after it
        f.seek(page * 4096);
        f.write(garbage);
      }
    }
    byte[] before = Files.readAllBytes(file);
    StoreUnavailableException e = refused(vertx);
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
    assertTrue(e.getMessage().contains("restore your latest backup"), e.getMessage());
    assertTrue(Arrays.equals(before, Files.readAllBytes(file)), "the damaged file is left as it was, for recovery");
  }

  @Test
  void aFileThatIsNotADatabaseIsRefused(Vertx vertx) throws Exception {
    TestStore.assumeSqlite("a damaged SQLite file");
    Files.writeString(dir.resolve("cuecard.db"), "this is not a database, it is a shopping list\n".repeat(200));
    StoreUnavailableException e = refused(vertx);
    assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
  }

  private StoreUnavailableException refused(Vertx vertx) {
    ExecutionException failed = assertThrows(ExecutionException.class, () -> CuecardServer.start(vertx,
        TestServer.config(dir)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
    return assertInstanceOf(StoreUnavailableException.class, failed.getCause());
  }
}

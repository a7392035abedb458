package dev.cuecard.cli;

import dev.cuecard.config.ConfigKey;
import dev.cuecard.support.TestServer;
import dev.cuecard.support.TestStore;
import dev.cuecard.support.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup taken while the server runs, put back with cuecard restore, recovers a damaged database. */
@ExtendWith(VertxExtension.class)
class BackupTest {
  @TempDir
  Path dir;

  @Test
  void aBackupTakenWhileServingRestoresADamagedDatabase(Vertx vertx) throws Exception {
    TestStore.assumeSqlite("cuecard backup copies the SQLite file");
    Path data = dir.resolve("data");
    Path backup = dir.resolve("backup.db");
    String token;
    String session;
    try (TestServer server = TestServer.start(vertx, TestServer.builder(data)
        .set(ConfigKey.WS_RATE_PER_SECOND, 1000).set(ConfigKey.WS_RATE_BURST, 1000).build())) {
      token = server.newUser();
      session = server.newSession(token);
      try (WsClient ws = WsClient.connect(server, token, session)) {
        for (long seq = 1; seq <= 300; seq++) {
          ws.snippet("candidate", "answer number " + seq + " with enough words to take some room", true, seq);
          ws.next("ack");
        }
        Result r = run("backup", backup.toString(), "--data-dir", data.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("integrity ok"), r.out);
        Result again = run("backup", backup.toString(), "--data-dir", data.toString());
        assertEquals(1, again.code);
        assertTrue(again.err.contains("already exists"), again.err);
        ws.snippet("candidate", "said after the backup", true, 301);
        ws.next("ack");
        Result busy = run("restore", backup.toString(), "--data-dir", data.toString());
        assertEquals(1, busy.code, "no restore under a running server");
        assertTrue(busy.err.contains("in use by another Cuecard server (pid " + ProcessHandle.current().pid()),
            busy.err);
      }
    }
    try (RandomAccessFile f = new RandomAccessFile(data.resolve("cuecard.db").toFile(), "rw")) {
      f.seek(3 * 4096);
      f.write(new byte[8192]);
    }
    assertThrows(IllegalStateException.class, () -> TestServer.start(vertx, data), "the damaged file is refused");

    Result notDb = run("restore", data.resolve("jwt.key").toString(), "--data-dir", data.toString());
    assertEquals(1, notDb.code, "a file that is not a Cuecard database is refused");
    Result restore = run("restore", backup.toString(), "--data-dir", data.toString());
    assertEquals(0, restore.code, restore.err);
    assertTrue(restore.out.contains("the previous database is kept as"), restore.out);
    try (var kept = Files.list(data)) {
      assertEquals(1, kept.filter(f -> f.getFileName().toString().startsWith("cuecard.db.before-restore-")
          && !f.toString().endsWith("-wal") && !f.toString().endsWith("-shm")).count(), "the damaged file is kept");
    }
    try (TestServer restored = TestServer.start(vertx, data)) {
      Map<Long, String> stored = restored.storedUtterances(token, session);
      assertEquals(300, stored.size(), "everything up to the backup is back");
      assertEquals("answer number 300 with enough words to take some room", stored.get(300L));
    }
  }

  @Test
  void needsAFileNameFirst() {
    TestStore.assumeSqlite("cuecard backup copies the SQLite file");
    Result r = run("backup", "--data-dir", dir.toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("name the file to write first"), r.err);
  }

  private record Result(int code, String out, String err) {
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

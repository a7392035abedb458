package dev.cuecard.server;

import dev.cuecard.store.Database;
import dev.cuecard.store.Records;
import dev.cuecard.store.RememberedWordings;
import dev.cuecard.store.Users;
import dev.cuecard.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.cuecard.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remembered wordings' store, on SQLite and PostgreSQL: one card per wording, a bound per user, owners only. */
@ExtendWith(VertxExtension.class)
class RememberedWordingsStoreTest {
  @TempDir
  Path dir;

  @Test
  void theSameWordsAskOneCardAndAUserKeepsTheNewestWordings(Vertx vertx) {
    Database db = Database.open(vertx, TestServer.config(dir));
    try {
      Users users = new Users(db);
      await(users.create(new Records.User("u1", "ann", "x", 1, 0), null));
      await(users.create(new Records.User("u2", "bo", "x", 1, 0), null));
      RememberedWordings store = new RememberedWordings(db);

      await(store.remember("u1", "what is the gil in python", "py-gil", 1));
      await(store.remember("u1", "what is the gil in python", "cs-process-thread", 2));
      List<RememberedWordings.Wording> one = await(store.list("u1"));
      assertEquals(1, one.size(), "the same words again replace what they asked for");
      assertEquals("cs-process-thread", one.get(0).cardId());
      assertTrue(await(store.list("u2")).isEmpty());
      assertFalse(await(store.forget("u2", one.get(0).id())), "nobody forgets another user's wording");

      for (int i = 0; i < RememberedWordings.KEPT + 5; i++) {
        await(store.remember("u1", "question number " + i + " about caching", "django-caching", 10 + i));
      }
      List<RememberedWordings.Wording> kept = await(store.list("u1"));
      assertEquals(RememberedWordings.KEPT, kept.size());
      assertEquals("question number 5 about caching", kept.get(0).wording(), "the oldest went first");
      assertTrue(await(store.forget("u1", kept.get(0).id())));
      assertEquals(RememberedWordings.KEPT - 1, await(store.forgetAll("u1")));
      assertTrue(await(store.list("u1")).isEmpty());
    } finally {
      db.close();
    }
  }
}

package dev.cuecard.bench;

import dev.cuecard.config.Config;
import dev.cuecard.config.ConfigKey;
import dev.cuecard.store.Database;
import dev.cuecard.store.Records;
import dev.cuecard.store.Sessions;
import dev.cuecard.store.Transcripts;
import dev.cuecard.store.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stored utterance, the live path's write, as the room issues it and waits for it:
 * {@code sqlite} and {@code postgresql} go through Cuecard's own store (JDBC on worker threads,
 * {@link Transcripts#addUtterance}); {@code pg-reactive} sends the same INSERT through Vert.x's
 * reactive PostgreSQL client with the same pool size. Run with several JMH threads ({@code -t 8})
 * to stand for rooms writing at once. Needs the test PostgreSQL of .ci/postgres-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StoreWriteBench {
  private static final String PG_URL = "postgresql://cuecard@127.0.0.1:5432/cuecard_test";
  private static final String PG_PASSWORD = "cuecard";
  private static final String INSERT = "INSERT INTO utterances (session_id, participant_id, seq, speaker, text,"
      + " client_ts, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
      + " ON CONFLICT (session_id, participant_id, seq) DO NOTHING";

  @Param({"sqlite", "postgresql", "pg-reactive"})
  public String store;

  /** store.durability: normal (an ack survives a process crash) or full (also a power loss). */
  @Param({"normal"})
  public String durability;

  private Vertx vertx;
  private Database db;
  private Transcripts transcripts;
  private Pool reactive;
  private String schema;
  private String sessionId;
  private String participantId;
  private final AtomicLong seq = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("store-bench");
    Config.Builder b = Config.builder().set(ConfigKey.DATA_DIR, dir.toString())
        .set(ConfigKey.STORE_DURABILITY, durability);
    if (!store.equals("sqlite")) {
      schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      admin("CREATE SCHEMA " + schema);
      b.set(ConfigKey.STORE_URL, PG_URL + "?currentSchema=" + schema).set(ConfigKey.STORE_PASSWORD, PG_PASSWORD);
    }
    db = Database.open(vertx, b.build());
    transcripts = new Transcripts(db, false);
    String userId = UUID.randomUUID().toString();
    await(new Users(db).create(new Records.User(userId, "bench" + userId.substring(0, 8), "x", 0, 0), null));
    Sessions sessions = new Sessions(db);
    sessionId = await(sessions.create(userId, "bench", 0, 1)).id();
    participantId = await(sessions.participant(sessionId, userId, "candidate", "bench", 0)).id();
    if (store.equals("pg-reactive")) {
      PgConnectOptions connect = new PgConnectOptions().setHost("127.0.0.1").setPort(5432).setDatabase("cuecard_test")
          .setUser("cuecard").setPassword(PG_PASSWORD).addProperty("search_path", schema);
      reactive = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(connect).using(vertx).build();
    }
  }

  @Benchmark
  public Object storeOneUtterance() throws Exception {
    long n = seq.incrementAndGet();
    String text = "an answer sentence of ordinary length, number " + n;
    if (reactive != null) {
      return await(reactive.preparedQuery(INSERT).execute(Tuple.of(sessionId, participantId, n, "candidate", text,
          System.currentTimeMillis(), System.currentTimeMillis())));
    }
    return await(transcripts.addUtterance(new Records.Utterance(sessionId, participantId, n, "candidate", text,
        System.currentTimeMillis(), System.currentTimeMillis())));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (reactive != null) {
      await(reactive.close());
    }
    db.close();
    await(vertx.close());
    if (schema != null) {
      admin("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void admin(String sql) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/cuecard_test", "cuecard", PG_PASSWORD);
         var st = c.createStatement()) {
      st.execute(sql);
    }
  }
}

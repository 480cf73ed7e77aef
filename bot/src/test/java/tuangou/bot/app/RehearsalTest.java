package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import tuangou.bot.config.Config;
import tuangou.bot.config.ConfigLoader;
import tuangou.store.redis.RedisClients;

/**
 * A rehearsal serves made-up chat through the whole path in a scratch database, leaves nothing
 * behind, and never stops a start: one that cannot run is skipped.
 */
class RehearsalTest {
  private static RedissonClient redis;

  @BeforeAll
  static void connect() {
    redis = RedisClients.connect(TestService.get().service().redisUrl());
  }

  @AfterAll
  static void disconnect() {
    redis.shutdown();
  }

  private static Config config(String pgUrl, int seconds) {
    Map<String, String> env = new HashMap<>();
    env.put("TUANGOU_PG_URL", pgUrl);
    env.put("TUANGOU_REDIS_URL", TestService.get().service().redisUrl());
    env.put("TUANGOU_REHEARSAL_SECONDS", String.valueOf(seconds));
    return ConfigLoader.load(Path.of("../conf/tuangou.yaml"), env);
  }

  private static Rehearsal.Outcome rehearse(String pgUrl, int seconds) throws Exception {
    Service shared = TestService.get().service();
    return Rehearsal.run(shared.vertx(), config(pgUrl, seconds), Clock.systemUTC(), shared.pool(), pgUrl, redis)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static long count(String sql) {
    Row row = TestService.get().service().pool().query(sql).execute().await().iterator().next();
    return row.getLong(0);
  }

  @Test
  void servesMadeUpChatInAScratchDatabaseAndDropsIt() throws Exception {
    String url = TestService.get().service().postgresUrl();
    long groups = count("select count(*) from chat_group");
    long inbox = count("select count(*) from inbox");

    Rehearsal.Outcome outcome = rehearse(url, 2);

    assertThat(outcome.messages()).isGreaterThan(50);
    assertThat(outcome.millis()).isBetween(2_000L, 30_000L);
    assertThat(count("select count(*) from pg_database where datname like '%rehearsal%'")).isZero();
    // the service's own database saw none of it
    assertThat(count("select count(*) from chat_group")).isEqualTo(groups);
    assertThat(count("select count(*) from chat_group where chat_id like 'rehearsal-%'")).isZero();
    assertThat(count("select count(*) from inbox")).isEqualTo(inbox);
  }

  @Test
  void aRehearsalThatCannotRunIsSkipped() throws Exception {
    String url = TestService.get().service().postgresUrl();
    // a database name that would need quoting: no scratch database is made beside it
    String odd = url.substring(0, url.lastIndexOf('/') + 1) + "Odd-Name";

    Rehearsal.Outcome outcome = rehearse(odd, 2);

    assertThat(outcome.messages()).isZero();
  }

  @Test
  void aStartRehearsesOnlyOnTheEmbeddedDatabaseUnlessAsked(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    assertThat(ConfigLoader.load(Path.of("../conf/tuangou.yaml"), Map.of()).startup().rehearsalSeconds()).isEqualTo(20);
    assertThat(ConfigLoader.load(Path.of("../conf/tuangou.yaml"), Map.of("TUANGOU_PG_URL", "postgresql://u@h:5432/db"))
        .startup().rehearsalSeconds()).isZero();
    assertThat(config("postgresql://u@h:5432/db", 5).startup().rehearsalSeconds()).isEqualTo(5);
    // a configuration file older than the setting: auto
    String shipped = java.nio.file.Files.readString(Path.of("../conf/tuangou.yaml"));
    String older = shipped.replaceAll("(?s)\nstartup:.*?rehearsalSeconds: auto\n", "\n");
    assertThat(older).doesNotContain("rehearsalSeconds");
    Path file = java.nio.file.Files.writeString(dir.resolve("tuangou.yaml"), older);
    assertThat(ConfigLoader.load(file, Map.of()).startup().rehearsalSeconds()).isEqualTo(20);
  }
}

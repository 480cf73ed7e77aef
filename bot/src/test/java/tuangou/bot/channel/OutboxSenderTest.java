package tuangou.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Function;
import tuangou.bot.app.Service;
import tuangou.bot.app.TestService;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgOutbox;
import tuangou.store.redis.RedisRateLimiter;

/** The outbox sender against the real database and Redis, with a recording channel. */
class OutboxSenderTest {
  private static final Service SERVICE = TestService.get().service();

  /** A channel that sends by {@code send}, at the pace given. */
  private static Channel channel(String name, Function<OutboxMessage, Future<PgOutbox.Sent>> send, Pacing... pacing) {
    return new Channel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<PgOutbox.Sent> send(OutboxMessage message) {
        return send.apply(message);
      }

      @Override
      public List<Pacing> pacing() {
        return List.of(pacing);
      }
    };
  }

  private static PipelineMetrics metrics() {
    return new PipelineMetrics(new SimpleMeterRegistry());
  }

  private static void queue(String channel, String chat, int n) {
    for (int i = 0; i < n; i++) {
      SERVICE.pool().preparedQuery("insert into outbox (channel, chat_id, text) values ($1, $2, $3)")
          .execute(Tuple.of(channel, chat, "消息" + i)).await();
    }
  }

  private static int count(String chat, String state) {
    return SERVICE.pool().preparedQuery("select count(*) from outbox where chat_id = $1 and state = $2")
        .execute(Tuple.of(chat, state)).await().iterator().next().getInteger(0);
  }

  @Test
  void sendsOverTheRateAreHeldNotDroppedAndGoLater() {
    String channel = "rec-" + UUID.randomUUID();
    String chat = "room-" + UUID.randomUUID();
    queue(channel, chat, 5);
    List<String> sent = new CopyOnWriteArrayList<>();
    Config c = new Config();
    c.useSingleServer().setAddress(SERVICE.redisUrl());
    RedissonClient redis = Redisson.create(c);
    try {
      OutboxSender sender = new OutboxSender(new PgOutbox(SERVICE.pool()),
          List.of(channel(channel, m -> {
            sent.add(m.text());
            return Future.succeededFuture(PgOutbox.Sent.SENT);
          }, Pacing.perChat(new RedisRateLimiter.Rate(2, Duration.ofSeconds(5))))),
          () -> Future.succeededFuture(0), new RedisRateLimiter(SERVICE.vertx(), redis), metrics());
      sender.wake();
      await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 2);
      // the channel has the message before the outbox row is marked sent: wait for the mark
      await().atMost(Duration.ofSeconds(5)).until(() -> count(chat, "pending") == 3);
      int attempts = SERVICE.pool().preparedQuery("select coalesce(sum(attempts), 0) from outbox where chat_id = $1 "
          + "and state = 'pending'").execute(Tuple.of(chat)).await().iterator().next().getInteger(0);
      assertThat(attempts).as("held sends count no attempt").isZero();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
        sender.wake();
        return sent.size() == 5;
      });
      assertThat(sent).containsExactly("消息0", "消息1", "消息2", "消息3", "消息4");
      assertThat(count(chat, "sent")).isEqualTo(5);
    } finally {
      redis.shutdown();
    }
  }

  @Test
  void failedSendsAreRetriedThenSent() {
    String channel = "flaky-" + UUID.randomUUID();
    String chat = "room-" + UUID.randomUUID();
    queue(channel, chat, 1);
    AtomicInteger calls = new AtomicInteger();
    OutboxSender sender = new OutboxSender(new PgOutbox(SERVICE.pool()), List.of(channel(channel, m ->
        calls.incrementAndGet() == 1 ? Future.failedFuture("platform answered 500")
            : Future.succeededFuture(PgOutbox.Sent.SENT))),
        () -> Future.succeededFuture(0), null, metrics());
    sender.wake();
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
    assertThat(count(chat, "pending")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
      sender.wake();
      return count(chat, "sent") == 1;
    });
    assertThat(calls.get()).isEqualTo(2);
  }
}

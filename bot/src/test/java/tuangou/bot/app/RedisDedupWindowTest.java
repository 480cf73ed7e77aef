package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import tuangou.store.redis.RedisDedupWindow;

/** The de-duplication window on the real Redis the service uses. */
class RedisDedupWindowTest {

  @Test
  void aMessageIsSeenOnlyOnceRememberedAndOnlyInItsOwnChatUntilTheWindowCloses() {
    Service service = TestService.get().service();
    Config c = new Config();
    c.useSingleServer().setAddress(service.redisUrl());
    RedissonClient redis = Redisson.create(c);
    try {
      RedisDedupWindow window = new RedisDedupWindow(redis, tuangou.store.redis.RedisBreaker.standard(service.vertx()),
          Duration.ofMillis(1500));
      String id = "m-" + UUID.randomUUID();
      assertThat(window.seen("sim", "chat-a", id).await()).as("before it is stored").isFalse();
      window.remember("sim", "chat-a", id).await();
      assertThat(window.seen("sim", "chat-a", id).await()).isTrue();
      assertThat(window.seen("sim", "chat-b", id).await()).as("the same id in another chat").isFalse();
      assertThat(window.seen("bridge", "chat-a", id).await()).as("the same id in another channel").isFalse();
      window.remember("sim", "room", "x:" + id).await();
      assertThat(window.seen("sim", "room:x", id).await()).as("ids holding the separator stay apart").isFalse();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> !window.seen("sim", "chat-a", id).await());
    } finally {
      redis.shutdown();
    }
  }
}

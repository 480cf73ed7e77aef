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
  void firstOfferIsFirstAndRepeatsAreNotUntilTheWindowCloses() {
    Service service = TestService.get().service();
    Config c = new Config();
    c.useSingleServer().setAddress(service.redisUrl());
    RedissonClient redis = Redisson.create(c);
    try {
      RedisDedupWindow window = new RedisDedupWindow(service.vertx(), redis, Duration.ofMillis(1500));
      String key = "test:" + UUID.randomUUID();
      assertThat(window.firstSeen(key).await()).isTrue();
      assertThat(window.firstSeen(key).await()).isFalse();
      assertThat(window.firstSeen(key + "-other").await()).isTrue();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> window.firstSeen(key).await());
    } finally {
      redis.shutdown();
    }
  }
}

package tuangou.store.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The Redisson client the service shares; blocking (it connects), so call off the event loop. */
public final class RedisClients {
  private RedisClients() {}

  /**
   * A client of the Redis at {@code url}. Redisson holds only what may be lost (dedup windows,
   * limiters, a lock): losing Redis must never lose an order, so a call tries once, briefly: a
   * command waits at most 1 s for its answer and is not retried, a connect at most 1 s, and a dead
   * connection is found by a ping every 2 s.
   */
  public static RedissonClient connect(String url) {
    Config c = new Config();
    c.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(1).setConnectionPoolSize(8)
        .setRetryAttempts(0).setTimeout(1000).setConnectTimeout(1000).setPingConnectionInterval(2000);
    return Redisson.create(c);
  }
}

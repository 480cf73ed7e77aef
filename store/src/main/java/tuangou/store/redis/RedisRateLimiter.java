package tuangou.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

/**
 * Send rates shared by every instance (a WeCom group robot takes 20 messages a minute, a WeChat
 * account must not look like a bot): a permit per send, per key such as a room or an account.
 */
public final class RedisRateLimiter {
  private final Vertx vertx;
  private final RedissonClient redis;
  /** Keys whose rate this instance has already stored: the rate is set once, then only acquired. */
  private final Set<String> configured = ConcurrentHashMap.newKeySet();

  public RedisRateLimiter(Vertx vertx, RedissonClient redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  /** At most {@code permits} per {@code per}. */
  public record Rate(long permits, Duration per) {
    public Rate {
      if (permits <= 0 || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a rate needs positive permits and interval");
      }
    }
  }

  /**
   * True when a send under {@code key} may go now. The first rate given for a key stays until the
   * key expires from Redis; fails when Redis does not answer (callers then hold the send back).
   */
  public Future<Boolean> tryAcquire(String key, Rate rate) {
    String name = "tuangou:rate:" + key;
    RRateLimiter limiter = redis.getRateLimiter(name);
    Future<Boolean> ready = configured.contains(name) ? Future.succeededFuture(true)
        : Future.fromCompletionStage(limiter.trySetRateAsync(RateType.OVERALL, rate.permits(), rate.per()),
            vertx.getOrCreateContext()).onSuccess(v -> configured.add(name));
    return ready.compose(v -> Future.fromCompletionStage(limiter.tryAcquireAsync(), vertx.getOrCreateContext()));
  }
}

package tuangou.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.redisson.api.RedissonClient;

/** Whether Redis answers; Redisson's futures are bridged to Vert.x here, once. */
public final class RedisHealth {
  private final Vertx vertx;
  private final RedissonClient redis;

  public RedisHealth(Vertx vertx, RedissonClient redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  /** Succeeds when Redis answers within {@code timeoutMs}; not through the breaker, so it tells the truth. */
  public Future<Void> ping(long timeoutMs) {
    return Future.fromCompletionStage(redis.getBucket("tuangou:health").isExistsAsync(), vertx.getOrCreateContext())
        .timeout(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS).mapEmpty();
  }
}

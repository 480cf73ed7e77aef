package tuangou.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.redisson.api.RedissonClient;

/**
 * A short memory of message ids already received, shared by all instances: a retried delivery is
 * recognised without a database write. It may be lost with Redis; the inbox's unique key is what
 * guarantees once-only, so a lost or failing window only costs that write.
 */
public final class RedisDedupWindow {
  private final Vertx vertx;
  private final RedissonClient redis;
  private final Duration window;

  public RedisDedupWindow(Vertx vertx, RedissonClient redis, Duration window) {
    this.vertx = vertx;
    this.redis = redis;
    this.window = window;
  }

  /**
   * True the first time {@code key} is offered within the window, false for a repeat. Fails when
   * Redis does not answer; callers then go on as if it were the first time.
   */
  public Future<Boolean> firstSeen(String key) {
    return Future.fromCompletionStage(
        redis.getBucket("tuangou:seen:" + key).setIfAbsentAsync("1", window), vertx.getOrCreateContext());
  }
}

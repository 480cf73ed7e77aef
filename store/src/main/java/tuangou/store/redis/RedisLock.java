package tuangou.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * A lock shared by every instance (one of them runs the schedule at a time). Redisson ties a lock
 * to a thread; event-loop code has none of its own, so this instance uses one fixed owner id. The
 * lease makes a crashed holder's lock lapse.
 */
public final class RedisLock {
  private final Vertx vertx;
  private final RLock lock;
  private final long owner = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

  public RedisLock(Vertx vertx, RedissonClient redis, String name) {
    this.vertx = vertx;
    this.lock = redis.getLock("tuangou:lock:" + name);
  }

  /** True when this instance holds the lock now (taken, or renewed for {@code lease}); fails when Redis does not answer. */
  public Future<Boolean> tryAcquire(Duration lease) {
    return Future.fromCompletionStage(lock.tryLockAsync(0, lease.toMillis(), TimeUnit.MILLISECONDS, owner),
        vertx.getOrCreateContext());
  }

  public Future<Void> release() {
    return Future.fromCompletionStage(lock.unlockAsync(owner), vertx.getOrCreateContext()).mapEmpty();
  }
}

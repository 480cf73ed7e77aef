package tuangou.store.redis;

import io.vertx.core.Future;
import java.time.Duration;
import org.redisson.api.RedissonClient;

/**
 * A short memory of messages already stored, shared by all instances: a retried delivery is
 * recognised without a database round trip. A message is remembered only after it is stored, so a
 * delivery that failed to store is never taken for a repeat. It may be lost with Redis; the inbox's
 * unique (channel, chat, message id) key is what guarantees once-only, so a lost or failing window
 * only costs that lookup. Every call goes through the {@link RedisBreaker}: a slow or absent Redis
 * costs a message at most the breaker's call timeout, and nothing once the breaker is open.
 */
public final class RedisDedupWindow {
  private final RedissonClient redis;
  private final RedisBreaker breaker;
  private final Duration window;

  public RedisDedupWindow(RedissonClient redis, RedisBreaker breaker, Duration window) {
    this.redis = redis;
    this.breaker = breaker;
    this.window = window;
  }

  /**
   * True when this message was remembered as stored within the window. Never fails: when Redis does
   * not answer, the message counts as unseen and the inbox's key decides.
   */
  public Future<Boolean> seen(String channel, String chatId, String msgId) {
    return breaker.call(() -> redis.getBucket(key(channel, chatId, msgId)).isExistsAsync()).otherwise(false);
  }

  /** Remembers a stored message for the window; best effort, a failure only costs a later lookup. */
  public Future<Void> remember(String channel, String chatId, String msgId) {
    return breaker.call(() -> redis.getBucket(key(channel, chatId, msgId)).setAsync("1", window))
        .<Void>mapEmpty().otherwise((Void) null);
  }

  // a message id repeats only within one chat, so the chat is part of the key (length-prefixed: ids may hold ':')
  private static String key(String channel, String chatId, String msgId) {
    return "tuangou:seen:" + channel + ":" + chatId.length() + ":" + chatId + ":" + msgId;
  }
}

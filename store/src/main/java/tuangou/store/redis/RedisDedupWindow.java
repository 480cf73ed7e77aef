package tuangou.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.redisson.api.RedissonClient;

/**
 * A short memory of messages already stored, shared by all instances: a retried delivery is
 * recognised without a database round trip. A message is remembered only after it is stored, so a
 * delivery that failed to store is never taken for a repeat. It may be lost with Redis; the inbox's
 * unique (channel, chat, message id) key is what guarantees once-only, so a lost or failing window
 * only costs that lookup.
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
   * True when this message was remembered as stored within the window. Never fails: when Redis does
   * not answer, the message counts as unseen and the inbox's key decides.
   */
  public Future<Boolean> seen(String channel, String chatId, String msgId) {
    return Future.fromCompletionStage(redis.getBucket(key(channel, chatId, msgId)).isExistsAsync(),
        vertx.getOrCreateContext()).otherwise(false);
  }

  /** Remembers a stored message for the window; best effort, a failure only costs a later lookup. */
  public Future<Void> remember(String channel, String chatId, String msgId) {
    return Future.fromCompletionStage(redis.getBucket(key(channel, chatId, msgId)).setAsync("1", window),
        vertx.getOrCreateContext()).<Void>mapEmpty().otherwise((Void) null);
  }

  // a message id repeats only within one chat, so the chat is part of the key (length-prefixed: ids may hold ':')
  private static String key(String channel, String chatId, String msgId) {
    return "tuangou:seen:" + channel + ":" + chatId.length() + ":" + chatId + ":" + msgId;
  }
}

package tuangou.bot.channel;

import tuangou.store.redis.RedisRateLimiter;

/** A send rate of a channel, per chat (room) or for the whole account. */
public record Pacing(boolean perChat, RedisRateLimiter.Rate rate) {
  public static Pacing perChat(RedisRateLimiter.Rate rate) {
    return new Pacing(true, rate);
  }

  public static Pacing perAccount(RedisRateLimiter.Rate rate) {
    return new Pacing(false, rate);
  }
}

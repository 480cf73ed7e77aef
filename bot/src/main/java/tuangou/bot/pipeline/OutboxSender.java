package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgOutbox;
import tuangou.store.redis.RedisRateLimiter;

/**
 * Drains the outbox through each channel's sender: woken after every processed message and on a
 * timer, so that a failed send is retried and nothing queued is left behind after a restart.
 */
public final class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
  private final PgOutbox outbox;
  private final Map<String, Function<OutboxMessage, Future<PgOutbox.Sent>>> channels;
  private final java.util.function.Supplier<Future<Integer>> local;
  private final RedisRateLimiter limiter;
  private final Map<String, java.util.List<Pacing>> rates;

  /** A send rate of a channel, per chat (room) or for the whole account. */
  public record Pacing(boolean perChat, RedisRateLimiter.Rate rate) {
    public static Pacing perChat(RedisRateLimiter.Rate rate) {
      return new Pacing(true, rate);
    }

    public static Pacing perAccount(RedisRateLimiter.Rate rate) {
      return new Pacing(false, rate);
    }
  }
  private boolean running;
  private boolean again;

  /**
   * @param channels senders of remote channels, by channel name; a sender may itself hold a message
   *     back (a rate of its own, such as a WeCom group robot's)
   * @param local delivers the channels that live in the database itself (the simulator) in bulk
   */
  public OutboxSender(PgOutbox outbox, Map<String, Function<OutboxMessage, Future<PgOutbox.Sent>>> channels,
      java.util.function.Supplier<Future<Integer>> local) {
    this(outbox, channels, local, null, Map.of());
  }

  /**
   * @param limiter shared send rates; with {@code rates} per channel, a send over its rate is held
   *     back (kept in the outbox) rather than sent or dropped; also held when Redis does not answer
   */
  public OutboxSender(PgOutbox outbox, Map<String, Function<OutboxMessage, Future<PgOutbox.Sent>>> channels,
      java.util.function.Supplier<Future<Integer>> local, RedisRateLimiter limiter,
      Map<String, java.util.List<Pacing>> rates) {
    this.outbox = outbox;
    this.channels = Map.copyOf(channels);
    this.local = local;
    this.limiter = limiter;
    this.rates = Map.copyOf(rates);
  }

  /** Starts a drain now, or right after the one in progress. */
  public synchronized void wake() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    local.get()
        .compose(delivered -> (channels.isEmpty() ? Future.succeededFuture(0) : outbox.drain(100, java.util.List.copyOf(channels.keySet()), this::send))
            .map(sent -> delivered >= 500 || sent == 100))
        .onFailure(t -> LOG.log(Level.WARNING, "outbox drain failed; retrying on the next tick: " + t.getMessage()))
        .onComplete(ar -> finished(ar.succeeded() && ar.result()));
  }

  private synchronized void finished(boolean full) {
    running = false;
    if (again || full) {
      again = false;
      wake();
    }
  }

  private Future<PgOutbox.Sent> send(OutboxMessage m) {
    Function<OutboxMessage, Future<PgOutbox.Sent>> channel = channels.get(m.channel());
    if (channel == null) {
      return Future.failedFuture("no sender for channel " + m.channel() + " is configured");
    }
    java.util.List<Pacing> pacing = rates.getOrDefault(m.channel(), java.util.List.of());
    if (pacing.isEmpty() || limiter == null) {
      return channel.apply(m);
    }
    Future<Boolean> allowed = Future.succeededFuture(true);
    for (Pacing p : pacing) {
      String key = m.channel() + ":" + (!p.perChat() ? "account"
          : m.chatId() != null ? m.chatId() : "to:" + m.recipient());
      allowed = allowed.compose(ok -> ok ? limiter.tryAcquire(key, p.rate()).otherwise(false) : Future.succeededFuture(false));
    }
    return allowed.compose(ok -> ok ? channel.apply(m) : Future.succeededFuture(PgOutbox.Sent.HELD));
  }
}

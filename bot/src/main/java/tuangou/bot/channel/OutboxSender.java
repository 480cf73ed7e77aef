package tuangou.bot.channel;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import tuangou.bot.log.ThrottledWarning;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgOutbox;
import tuangou.store.redis.RedisRateLimiter;

/**
 * Drains the outbox through each channel: woken after every processed message and on a timer, so
 * that a failed send is retried and nothing queued is left behind after a restart. Only the channels
 * this instance can send are drained, so another instance's rows are left to it.
 */
public final class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
  /** Failing on every tick while the database is away: one line per 10 s says so. */
  private final ThrottledWarning failing = new ThrottledWarning(LOG, 10_000);
  private final PgOutbox outbox;
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Supplier<Future<Integer>> local;
  private final RedisRateLimiter limiter;
  private final PipelineMetrics metrics;
  private boolean running;
  private boolean again;
  private boolean stopped;
  /** Completed when the drain under way at {@link #stop()} has ended; null while none is awaited. */
  private io.vertx.core.Promise<Void> stopping;
  /** Runs a drain after a pause; null: at once. */
  private java.util.function.Consumer<Runnable> later;

  /**
   * @param channels the remote channels this instance sends; a channel may itself hold a message back
   *     (a rate of its own, such as a WeCom group robot's)
   * @param local delivers the channels that live in the database itself (the simulator) in bulk
   * @param limiter shared send rates: a send over its channel's {@link Channel#pacing()} is held back
   *     (kept in the outbox) rather than sent or dropped; also held when Redis does not answer. Null
   *     when no channel is paced.
   * @param metrics counts what was delivered
   */
  public OutboxSender(PgOutbox outbox, List<Channel> channels, Supplier<Future<Integer>> local,
      RedisRateLimiter limiter, PipelineMetrics metrics) {
    this.outbox = outbox;
    channels.forEach(c -> {
      if (this.channels.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two senders for channel " + c.name());
      }
      if (!c.pacing().isEmpty() && limiter == null) {
        throw new IllegalArgumentException("channel " + c.name() + " is paced but no rate limiter is given");
      }
    });
    this.local = local;
    this.limiter = limiter;
    this.metrics = metrics;
  }

  /**
   * Wakes that come while a drain is under way start the next one {@code gapMs} after it, not at
   * once: under load every processed message wakes the sender, and one drain every few ms moving a
   * few rows costs the database far more than one every {@code gapMs} moving them all.
   */
  public OutboxSender pausingBetweenDrains(io.vertx.core.Vertx vertx, long gapMs) {
    this.later = run -> vertx.setTimer(gapMs, id -> run.run());
    return this;
  }

  /** Starts a drain now, or after the one in progress. */
  public synchronized void wake() {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    local.get()
        .onSuccess(metrics::delivered)
        .compose(delivered -> (channels.isEmpty() ? Future.succeededFuture(0)
            : outbox.drain(100, List.copyOf(channels.keySet()), this::send))
            .map(sent -> delivered >= 500 || sent == 100))
        .onFailure(t -> failing.warn("outbox drain failed; retrying on the next tick: " + ThrottledWarning.firstLine(t)))
        .onComplete(ar -> finished(ar.succeeded() && ar.result()));
  }

  /**
   * Starts no drain after this; done when the one under way, if any, has ended, so that the pools
   * can close under no drain. What is left in the outbox stays there for the next start.
   */
  public synchronized Future<Void> stop() {
    stopped = true;
    if (!running) {
      return Future.succeededFuture();
    }
    if (stopping == null) {
      stopping = io.vertx.core.Promise.promise();
    }
    return stopping.future();
  }

  /** Whether {@link #stop()} was called, telling it that the drain it waited for has ended; hold the lock. */
  private boolean endedByStop() {
    if (stopped && stopping != null) {
      stopping.tryComplete();
    }
    return stopped;
  }

  private synchronized void finished(boolean full) {
    running = false;
    if (endedByStop()) {
      return;
    }
    if (full) {
      again = false;
      wake();
    } else if (again) {
      again = false;
      if (later == null) {
        wake();
      } else {
        running = true; // wakes meanwhile are taken by the drain to come
        later.accept(() -> {
          synchronized (this) {
            running = false;
            if (endedByStop()) {
              return;
            }
          }
          wake();
        });
      }
    }
  }

  private Future<PgOutbox.Sent> send(OutboxMessage m) {
    Channel channel = channels.get(m.channel());
    if (channel == null) {
      return Future.failedFuture("no sender for channel " + m.channel() + " is configured");
    }
    Future<Boolean> allowed = Future.succeededFuture(true);
    for (Pacing p : channel.pacing()) {
      String key = m.channel() + ":" + (!p.perChat() ? "account"
          : m.chatId() != null ? m.chatId() : "to:" + m.recipient());
      allowed = allowed.compose(ok -> ok ? limiter.tryAcquire(key, p.rate()).otherwise(false) : Future.succeededFuture(false));
    }
    return allowed.compose(ok -> ok ? channel.send(m) : Future.succeededFuture(PgOutbox.Sent.HELD))
        .onSuccess(sent -> {
          if (!sent.held()) {
            metrics.delivered(1);
          }
        });
  }
}

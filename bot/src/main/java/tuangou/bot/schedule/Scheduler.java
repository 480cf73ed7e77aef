package tuangou.bot.schedule;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import tuangou.bot.log.ThrottledWarning;
import tuangou.store.pg.PgJobs;
import tuangou.store.redis.RedisLock;

/**
 * Runs due jobs on every tick, on one instance at a time (a Redisson lock). The lock spares the
 * others the work; exactly-once does not depend on it: jobs are claimed with SKIP LOCKED and each
 * push has a dedup key. Without Redis the tick runs anyway, for the same reason.
 */
public final class Scheduler {
  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
  /** Failing on every tick while the database is away: one line per 10 s says so. */
  private final ThrottledWarning failing = new ThrottledWarning(LOG, 10_000);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final int BATCH = 50;

  private final PgJobs jobs;
  private final JobRunner runner;
  private final RedisLock lock;
  private final Clock clock;
  private final Runnable queued;
  private boolean running;

  /** @param queued called after jobs queued pushes, to wake the outbox */
  public Scheduler(PgJobs jobs, JobRunner runner, RedisLock lock, Clock clock, Runnable queued) {
    this.jobs = jobs;
    this.runner = runner;
    this.lock = lock;
    this.clock = clock;
    this.queued = queued;
  }

  /** Runs what is due now; a tick that finds the previous one still running does nothing. */
  public synchronized void tick() {
    if (running) {
      return;
    }
    running = true;
    lock.tryAcquire(LEASE).otherwise(true)
        .compose(mine -> mine ? runAll().eventually(() -> lock.release().otherwiseEmpty()) : Future.succeededFuture(0))
        .onSuccess(n -> {
          if (n > 0) {
            queued.run();
          }
        })
        .onFailure(t -> failing.warn("scheduler tick failed; trying again on the next: " + ThrottledWarning.firstLine(t)))
        .onComplete(ar -> finished());
  }

  private synchronized void finished() {
    running = false;
  }

  /**
   * Decides again when jobs held for the quiet hours may run, by this instance's quiet hours: a
   * service restarted with shorter ones (or none, for a trial) posts what was held without waiting
   * for the old end. How many jobs were brought forward.
   */
  public Future<Integer> reconsiderHeld() {
    return jobs.bringHeldForward(runner.earliestPush(OffsetDateTime.now(clock)));
  }

  /** Runs due jobs in batches until none is left; how many ran. */
  Future<Integer> runAll() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return jobs.runDue(now, BATCH, job -> runner.run(job, now))
        .compose(n -> n == BATCH ? runAll().map(m -> m + n) : Future.succeededFuture(n));
  }
}

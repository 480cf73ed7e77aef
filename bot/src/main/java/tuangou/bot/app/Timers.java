package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import tuangou.bot.config.Config;
import tuangou.bot.schedule.JobRunner;
import tuangou.bot.schedule.QuietHours;
import tuangou.bot.schedule.Scheduler;
import tuangou.store.redis.RedisLock;

/**
 * The service's clockwork, in a verticle of its own so that undeploying it stops every timer: the
 * sweep that resumes stored but unprocessed messages, the outbox drain, the scheduler's tick, the
 * planning of evening reports and the settlement run.
 */
final class Timers extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(Timers.class.getName());

  private final Engine engine;
  private final ChannelWiring channels;
  private final Scheduler scheduler;
  private final Config config;
  private final Clock clock;

  /** @param schedule the lock that lets one instance at a time run the schedule */
  Timers(Engine engine, ChannelWiring channels, RedisLock schedule, Config config, Clock clock) {
    this.engine = engine;
    this.channels = channels;
    Config.Lifecycle lc = config.lifecycle();
    this.scheduler = new Scheduler(engine.jobs, new JobRunner(engine.catalog, engine.pickups, engine.lifecycle,
        new QuietHours(lc.quietStart(), lc.quietEnd(), config.timezone()), lc.reminderBelowCustomers(), engine.reports),
        schedule, clock, channels.sender::wake);
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    scheduler.reconsiderHeld()
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info(n + " scheduled pushes held for the quiet hours were brought forward to this start's quiet hours");
          }
        })
        .onFailure(e -> LOG.warning("held pushes were not reconsidered: " + e.getMessage()));
    // resume what was stored but not processed before a crash or restart, and keep sweeping
    vertx.setPeriodic(0, 2000, t -> {
      engine.inbox.groupsWithPending().onSuccess(groups -> groups.forEach(engine.sequencer::submit));
      channels.direct.wake();
    });
    vertx.setPeriodic(config.pipeline().outboxPollMs(), t -> channels.sender.wake());
    vertx.setPeriodic(config.lifecycle().schedulerTickMs(), t -> scheduler.tick());
    // the evening reports of today and tomorrow are planned now and every hour (planning twice plans once)
    vertx.setPeriodic(0, 3_600_000, t -> engine.planner
        .planEvenings(OffsetDateTime.now(clock), config.settlement().eveningAt())
        .onFailure(e -> LOG.warning("planning the evening reports failed: " + e.getMessage())));
    vertx.setPeriodic(config.settlement().runEveryMs(), t -> engine.settlement.settle()
        .onFailure(e -> LOG.warning("settlement run failed; trying again later: " + e.getMessage())));
    return Future.succeededFuture();
  }
}

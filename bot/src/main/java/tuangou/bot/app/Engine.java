package tuangou.bot.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import tuangou.bot.config.Config;
import tuangou.bot.lifecycle.CommissionReports;
import tuangou.bot.lifecycle.Lifecycle;
import tuangou.bot.lifecycle.Pushes;
import tuangou.bot.campaigns.CampaignInterpreters;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.LeaderDesk;
import tuangou.bot.pipeline.MessagePipeline;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.bot.schedule.JobPlanner;
import tuangou.bot.settlement.SettlementService;
import tuangou.parser.match.Synonyms;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgGroupRegistry;
import tuangou.store.pg.PgInbox;
import tuangou.store.pg.PgJobs;
import tuangou.store.pg.PgLedger;
import tuangou.store.pg.PgOrders;
import tuangou.store.pg.PgOutbox;
import tuangou.store.pg.PgPickups;
import tuangou.store.pg.PgReview;
import tuangou.store.pg.PgSimulator;

/**
 * The repositories and the message path that every channel and the admin API share, wired once
 * from the configuration: wiring only.
 */
final class Engine {
  final PgCatalog catalog;
  final PgOrders orders;
  final PgInbox inbox;
  final PgOutbox outbox;
  final PgSimulator conversations;
  final PgLedger ledger;
  final PgPickups pickups;
  final PgJobs jobs;
  final PgGroupRegistry registry;
  final PipelineMetrics metrics;
  final CampaignInterpreters interpreters;
  final GroupDirectory directory;
  final SettlementService settlement;
  final CommissionReports reports;
  final JobPlanner planner;
  final Lifecycle lifecycle;
  final GroupSequencer sequencer;
  final LeaderDesk desk;

  /** @param bulk for the ledger: a settlement run reads a whole month, longer than a message's statement limit */
  Engine(Config config, Clock clock, Pool pool, Pool bulk, MeterRegistry meters) {
    catalog = new PgCatalog(pool);
    orders = new PgOrders(pool);
    inbox = new PgInbox(pool);
    outbox = new PgOutbox(pool);
    conversations = new PgSimulator(pool);
    ledger = new PgLedger(bulk);
    pickups = new PgPickups(pool);
    jobs = new PgJobs(pool);
    registry = new PgGroupRegistry(pool);
    metrics = new PipelineMetrics(meters);
    interpreters = new CampaignInterpreters(Synonyms.shipped());
    directory = new GroupDirectory(catalog);
    settlement = new SettlementService(ledger, config.settlement().accrualPoint(), clock, config.timezone());
    reports = new CommissionReports(ledger, settlement, clock, config.timezone());
    Config.Lifecycle lc = config.lifecycle();
    planner = new JobPlanner(jobs, lc.cutoffReminderMinutes(), lc.pickupReminders(), config.timezone());
    lifecycle = new Lifecycle(catalog, orders, pickups, new PgReview(pool), outbox, jobs, directory, new Pushes(config.timezone()), clock,
        planner::pickupReminders);
    MessagePipeline pipeline = new MessagePipeline(directory, orders, interpreters, clock, metrics, lifecycle);
    sequencer = new GroupSequencer(pipeline, rounds(config.postgres().poolSize(), Runtime.getRuntime().availableProcessors()), 32);
    desk = new LeaderDesk(registry, directory, orders, interpreters, clock, reports);
  }

  /**
   * How many rounds run at once. A round holds up to 32 groups, so a few carry a burst, each on one of
   * the pool's connections, leaving the others to the inbox, the outbox, the scheduler and the admin
   * API. Fewer rounds at once make each one larger, and a message's share of its statements and
   * commit smaller: on 2 cores shared with PostgreSQL, one round at a time took 15% more simulator
   * messages a second than three, for a third less CPU a message (README, performance).
   */
  static int rounds(int connections, int cores) {
    return Math.max(1, Math.min(Math.min(3, connections - 4), cores / 2));
  }
}

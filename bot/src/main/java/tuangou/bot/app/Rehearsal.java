package tuangou.bot.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import tuangou.bot.config.Config;
import tuangou.store.pg.Database;
import tuangou.store.pg.PgTimeouts;
import tuangou.store.pg.ScratchDatabase;

/**
 * Serves made-up chat through the whole message path, HTTP to PostgreSQL and back, before the
 * service opens its port. A fresh JVM runs interpreted and spends its first seconds compiling:
 * without this, the first residents of a busy evening wait several times longer than later ones.
 * {@link Warmup} compiles the reading while the servers start; this compiles everything else.
 *
 * <p>It runs on a Vert.x of its own against a scratch database beside the service's, both closed
 * and dropped at the end, so nothing of it stays but compiled code. Its chats have ids of their
 * own, so the few Redis keys it leaves (pacing, with short lives) touch no real chat. It ends when
 * the compilers have settled, or at the configured bound; a rehearsal that fails is logged and
 * the service starts anyway.
 */
final class Rehearsal {
  private static final Logger LOG = Logger.getLogger(Rehearsal.class.getName());
  /** Residents writing at once, one a group: a busy evening, as the load runs drive it. */
  private static final int RESIDENTS = 16;
  private static final String REGISTRY = "rehearsal";

  record Outcome(int messages, long millis, boolean settled) {}

  private Rehearsal() {}

  /**
   * Rehearses for at most {@code config.startup().rehearsalSeconds()}; succeeds whatever happens in it.
   *
   * @param server a pool on the service's PostgreSQL, which makes and drops the scratch database
   */
  static Future<Outcome> run(Vertx home, Config config, Clock clock, Pool server, String pgUrl, RedissonClient redis) {
    long started = System.nanoTime();
    long most = config.startup().rehearsalSeconds() * 1000L;
    Context context = home.getOrCreateContext();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return ScratchDatabase.create(server, pgUrl, "rehearsal")
        .compose(scratch -> Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> vertx(registry)), context)
            .compose(vertx -> backOn(context, onScratch(vertx, registry, config, clock, scratch, redis, most))
                .eventually(() -> backOn(context, vertx.close())))
            .eventually(() -> scratch.drop().onFailure(t -> LOG.warning("rehearsal: could not drop " + scratch.name()
                + ": " + t.getMessage()))))
        .map(settled -> new Outcome(settled.messages(), (System.nanoTime() - started) / 1_000_000, settled.settled()))
        .onSuccess(o -> LOG.info("rehearsal: " + o.messages() + " made-up messages served in " + o.millis() + " ms"
            + (o.settled() ? ", compilers settled" : ", at its bound")))
        .recover(t -> {
          LOG.warning("rehearsal skipped: " + t.getMessage());
          return Future.succeededFuture(new Outcome(0, (System.nanoTime() - started) / 1_000_000, false));
        });
  }

  /**
   * {@code f}, completed on {@code context}: what follows the rehearsal must not run on a thread of its
   * Vert.x, which is closed by then.
   */
  private static <T> Future<T> backOn(Context context, Future<T> f) {
    Promise<T> back = Promise.promise();
    f.onComplete(ar -> context.runOnContext(v -> back.handle(ar)));
    return back.future();
  }

  /**
   * A Vert.x metered as the service's is, so that the same code is compiled, into a registry of its
   * own name: Vert.x keeps registries by name, and closing this Vert.x closes its registry. Made off
   * any Vert.x thread, where a second Vert.x is taken for a mistake.
   */
  private static Vertx vertx(PrometheusMeterRegistry registry) {
    return Service.metered(registry, new MicrometerMetricsOptions().setRegistryName(REGISTRY)
        // the residents' own client: not the service's code, and its gauges warn when metered
        .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT));
  }

  private static Future<Outcome> onScratch(Vertx vertx, PrometheusMeterRegistry registry, Config config, Clock clock,
      ScratchDatabase scratch, RedissonClient redis, long most) {
    String token = UUID.randomUUID().toString();
    Config rehearsing = rehearsing(config, token);
    CompilerWatch compilers = new CompilerWatch();
    long end = System.nanoTime() + most * 1_000_000;
    return Database.connect(vertx, scratch.options(), config.postgres().poolSize(),
            PgTimeouts.withStatementTimeout(config.postgres().statementTimeoutMs()))
        .compose(db -> {
          Wiring.Parts parts = Wiring.parts(vertx, rehearsing, clock, registry, db, redis,
              new AdminToken.Token(token, false), null);
          HttpVerticle http = new HttpVerticle(parts.router(), 0, rehearsing.http().timeouts());
          return vertx.deployVerticle(http).compose(id -> {
            RehearsalLoad load = new RehearsalLoad(vertx, http.actualPort(), RESIDENTS, token, token.substring(0, 8));
            vertx.setPeriodic(CompilerWatch.PERIOD_MS, timer -> compilers.look());
            return load.setUp(RESIDENTS)
                .compose(chats -> load.drive(chats, () -> compilers.settled() || System.nanoTime() > end))
                .map(v -> new Outcome(load.sent(), 0, compilers.settled()))
                // no drain may be under way when the pools close: it would fail, and say so
                .eventually(() -> parts.channels().sender.stop());
          });
        });
  }

  /** The service's settings with every real channel off, the simulator on behind {@code token}, on any port. */
  static Config rehearsing(Config c, String token) {
    Config.Bridge b = c.bridge();
    Config.WeCom w = c.wecom();
    return new Config(new Config.Http(0, c.http().maxBodyBytes(), c.http().timeouts()), c.dataDir(), c.timezone(),
        c.postgres(), c.redis(), new Config.Admin(token), new Config.Simulator(true, true), c.pipeline(),
        new Config.Bridge("", "", b.maxSkewSeconds(), b.roomIntervalMs(), b.accountPerMinute(), b.jitterMs()),
        new Config.WeCom("", null, "", "", "", w.maxSkewSeconds(), "", w.robotPerMinute(), w.customerGroupPushesPerDay(),
            new Config.MsgAudit("", "", "", "", w.msgaudit().pollMs())),
        c.lifecycle(), c.settlement(), new Config.Startup(0));
  }
}

package tuangou.bot.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import tuangou.bot.admin.AdminApi;
import tuangou.bot.admin.HttpErrors;
import tuangou.bot.channel.sim.SimChannel;
import tuangou.bot.config.Config;
import tuangou.bot.pipeline.CampaignInterpreters;
import tuangou.bot.pipeline.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.MessagePipeline;
import tuangou.bot.pipeline.OutboxSender;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.parser.match.Synonyms;
import tuangou.store.embedded.EmbeddedServers;
import tuangou.store.pg.Database;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgInbox;
import tuangou.store.pg.PgOrders;
import tuangou.store.pg.PgOutbox;
import tuangou.store.pg.PgSimulator;
import tuangou.store.redis.RedisDedupWindow;
import tuangou.store.redis.RedisHealth;

/** The running service: wiring only, no business logic. */
public final class Service {
  private static final Logger LOG = Logger.getLogger(Service.class.getName());

  private final Vertx vertx;
  private final EmbeddedServers embedded;
  private final Database database;
  private final RedissonClient redis;
  private final int port;
  private final String adminToken;
  private String postgresUrl;
  private String redisUrl;

  private Service(Vertx vertx, EmbeddedServers embedded, Database database, RedissonClient redis, int port,
      String adminToken) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.database = database;
    this.redis = redis;
    this.port = port;
    this.adminToken = adminToken;
  }

  public int port() {
    return port;
  }

  public String adminToken() {
    return adminToken;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The PostgreSQL the service uses (embedded or configured). */
  public String postgresUrl() {
    return postgresUrl;
  }

  /** The Redis the service uses (embedded or configured). */
  public String redisUrl() {
    return redisUrl;
  }

  /** The database pool, for tools and tests that look at stored rows. */
  public io.vertx.sqlclient.Pool pool() {
    return database.pool();
  }

  /** Starts everything; blocking parts (embedded servers, Redis connect, migrations) run off the event loop. */
  public static Future<Service> start(Config config, Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    boolean embedPg = config.postgres().embedded();
    boolean embedRedis = config.redis().embedded();
    EmbeddedServers[] started = new EmbeddedServers[1];
    return vertx.executeBlocking(() -> embedPg || embedRedis
            ? EmbeddedServers.start(config.dataDir(), embedPg, embedRedis) : null)
        .compose(embedded -> {
          started[0] = embedded;
          String pgUrl = embedPg ? embedded.postgresUrl() : config.postgres().url();
          String redisUrl = embedRedis ? embedded.redisUrl() : config.redis().url();
          return Database.connect(vertx, pgUrl, config.postgres().poolSize())
              .compose(db -> vertx.executeBlocking(() -> redis(redisUrl))
                  .compose(redis -> wire(vertx, config, clock, registry, embedded, db, redis)
                      .onSuccess(service -> {
                        service.postgresUrl = pgUrl;
                        service.redisUrl = redisUrl;
                      })
                      .onFailure(t -> redis.shutdown())));
        })
        .onFailure(t -> vertx.close().onComplete(ar -> {
          if (started[0] != null) {
            started[0].close(); // no orphaned PostgreSQL or Redis after a failed start
          }
        }));
  }

  private static RedissonClient redis(String url) {
    org.redisson.config.Config c = new org.redisson.config.Config();
    c.useSingleServer().setAddress(url).setConnectionMinimumIdleSize(1).setConnectionPoolSize(8)
        .setRetryAttempts(1).setTimeout(2000);
    // Redisson holds what may be lost (dedup windows, limiters): losing Redis must never lose an order.
    return Redisson.create(c);
  }

  private static Future<Service> wire(Vertx vertx, Config config, Clock clock, PrometheusMeterRegistry registry,
      EmbeddedServers embedded, Database db, RedissonClient redis) {
    AdminToken.Token token = AdminToken.resolve(config.admin().token(), config.dataDir());
    PgCatalog catalog = new PgCatalog(db.pool());
    PgOrders orders = new PgOrders(db.pool());
    PgInbox inbox = new PgInbox(db.pool());
    PgOutbox outbox = new PgOutbox(db.pool());
    PgSimulator conversations = new PgSimulator(db.pool());
    PipelineMetrics metrics = new PipelineMetrics(registry);
    CampaignInterpreters interpreters = new CampaignInterpreters(Synonyms.shipped());
    GroupDirectory directory = new GroupDirectory(catalog);
    MessagePipeline pipeline = new MessagePipeline(directory, orders, interpreters, clock, metrics);
    GroupSequencer sequencer = new GroupSequencer(pipeline);
    SimChannel[] sim = new SimChannel[1];
    OutboxSender sender = new OutboxSender(outbox, Map.of(), () -> sim[0].deliver().onSuccess(metrics::delivered));
    sim[0] = new SimChannel(vertx, catalog, directory, inbox, outbox, conversations, sequencer, sender, metrics,
        config.pipeline().answerTimeoutMs(), new RedisDedupWindow(vertx, redis, java.time.Duration.ofMinutes(10)));

    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(config.http().maxBodyBytes()));
    RedisHealth redisHealth = new RedisHealth(vertx, redis);
    router.get("/health").handler(ctx -> Future.all(
            db.pool().query("select 1").execute().map("UP").otherwise("DOWN"),
            redisHealth.ping().map("UP").otherwise("DOWN"))
        .onComplete(ar -> {
          String pg = ar.result().resultAt(0);
          String rd = ar.result().resultAt(1);
          boolean up = pg.equals("UP") && rd.equals("UP");
          ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
              .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("postgres", pg).put("redis", rd).encode());
        }));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    new AdminApi(catalog, orders, interpreters, directory, token.value()).mount(router);
    if (config.simulator().enabled()) {
      sim[0].mount(router);
    }
    router.route().failureHandler(HttpErrors::handle);
    router.route().last().handler(ctx -> HttpErrors.respond(ctx, 404, "not_found", "no such endpoint: "
        + ctx.request().method() + " " + ctx.request().path()));

    HttpVerticle http = new HttpVerticle(router, config.http().port());
    return vertx.deployVerticle(http).compose(first -> config.http().port() == 0 ? Future.succeededFuture(first)
            // a second event loop serves the same port (Vert.x balances connections between them)
            : vertx.deployVerticle(new HttpVerticle(router, config.http().port()))).map(id -> {
      // resume what was stored but not processed before a crash or restart, and keep sweeping
      vertx.setPeriodic(0, 2000, t -> inbox.groupsWithPending()
          .onSuccess(groups -> groups.forEach(sequencer::submit)));
      vertx.setPeriodic(config.pipeline().outboxPollMs(), t -> sender.wake());
      if (token.generated()) {
        LOG.info("generated admin token written to " + config.dataDir().resolve("admin-token"));
      }
      return new Service(vertx, embedded, db, redis, http.actualPort(), token.value());
    });
  }

  /** Stops the HTTP server, pools and embedded servers. */
  public Future<Void> stop() {
    return vertx.close().andThen(ar -> {
      redis.shutdown();
      if (embedded != null) {
        embedded.close();
      }
    });
  }
}

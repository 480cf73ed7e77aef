package tuangou.bot.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import tuangou.bot.channel.wecom.msgaudit.MsgAuditReader;
import tuangou.bot.config.Config;
import tuangou.store.embedded.EmbeddedServers;
import tuangou.store.pg.Database;
import tuangou.store.redis.RedisBreaker;
import tuangou.store.redis.RedisHealth;
import tuangou.store.redis.RedisLock;

/** The parts of a started service put together and served, once its servers are up. */
final class Wiring {
  private static final Logger LOG = Logger.getLogger(Service.class.getName());

  private Wiring() {}

  /** What serves requests: the message path, the channels and every route, without timers. */
  record Parts(Engine engine, ChannelWiring channels, Router router) {}

  /** Wires the parts that answer requests; nothing runs until the router is served. */
  static Parts parts(Vertx vertx, Config config, Clock clock, PrometheusMeterRegistry registry, Database db,
      RedissonClient redis, AdminToken.Token token, EmbeddedServers embedded) {
    Engine engine = new Engine(config, clock, db.pool(), db.bulk(), registry);
    RedisBreaker breaker = RedisBreaker.standard(vertx);
    FaultMeters.register(registry, breaker, embedded);
    ChannelWiring channels = new ChannelWiring(vertx, config, clock, engine, db.pool(), redis, breaker);
    HealthCheck health = new HealthCheck(db.pool(), new RedisHealth(vertx, redis), breaker, embedded);
    return new Parts(engine, channels, Routes.of(vertx, config, clock, registry, db.pool(), health, token, engine, channels));
  }

  /** Wires the parts and serves them; the port the HTTP server got. */
  static Future<Integer> serve(Vertx vertx, Config config, Clock clock, PrometheusMeterRegistry registry,
      Database db, RedissonClient redis, AdminToken.Token token, EmbeddedServers embedded) {
    Parts parts = parts(vertx, config, clock, registry, db, redis, token, embedded);
    Router router = parts.router();
    MsgAuditReader audit = parts.channels().msgaudit(db.pool());
    HttpVerticle http = new HttpVerticle(router, config.http().port(), config.http().timeouts());
    Timers timers = new Timers(parts.engine(), parts.channels(), new RedisLock(vertx, redis, "scheduler"), config, clock);
    return vertx.deployVerticle(http)
        // a second event loop serves the same port (Vert.x balances connections between them)
        .compose(first -> config.http().port() == 0 ? Future.succeededFuture(first)
            : vertx.deployVerticle(new HttpVerticle(router, config.http().port(), config.http().timeouts())))
        .compose(second -> vertx.deployVerticle(timers))
        .map(timersId -> {
          if (audit != null) {
            audit.start();
          }
          if (token.generated()) {
            LOG.info("generated admin token written to " + config.dataDir().resolve("admin-token"));
          }
          return http.actualPort();
        });
  }
}

package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import tuangou.store.embedded.EmbeddedServers;
import tuangou.store.redis.RedisBreaker;
import tuangou.store.redis.RedisHealth;

/**
 * {@code GET /health}: 200 UP once PostgreSQL and Redis both answer, else 503 naming the part that is
 * down. Each part has {@value #PART_MS} ms to answer, so the check itself answers within 2 s however
 * a server fails (refused, cut, packets dropped). It also says whether the Redis breaker is letting
 * calls through and, on the embedded default, how often each embedded server was restarted.
 */
final class HealthCheck {
  static final long PART_MS = 1500;

  private final Pool pool;
  private final RedisHealth redis;
  private final RedisBreaker breaker;
  private final EmbeddedServers embedded;

  HealthCheck(Pool pool, RedisHealth redis, RedisBreaker breaker, EmbeddedServers embedded) {
    this.pool = pool;
    this.redis = redis;
    this.breaker = breaker;
    this.embedded = embedded;
  }

  void handle(RoutingContext ctx) {
    Future.all(pool.query("select 1").execute().timeout(PART_MS, TimeUnit.MILLISECONDS).map("UP").otherwise("DOWN"),
            redis.ping(PART_MS).map("UP").otherwise("DOWN"))
        .onComplete(ar -> {
          String pg = ar.result().resultAt(0);
          String rd = ar.result().resultAt(1);
          boolean up = pg.equals("UP") && rd.equals("UP");
          JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("postgres", pg).put("redis", rd)
              .put("redisBreaker", breaker.state().name().toLowerCase(java.util.Locale.ROOT));
          if (embedded != null) {
            JsonObject servers = new JsonObject();
            for (String kind : embedded.kinds()) {
              servers.put(kind, new JsonObject().put("running", embedded.running(kind))
                  .put("restarts", embedded.restarts(kind)));
            }
            body.put("embedded", servers);
          }
          ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
              .putHeader("cache-control", "no-store").end(body.encode());
        });
  }
}

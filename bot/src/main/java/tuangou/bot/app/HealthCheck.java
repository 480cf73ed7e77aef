package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import tuangou.store.redis.RedisHealth;

/** {@code GET /health}: 200 UP once PostgreSQL and Redis both answer, else 503 naming the part that is down. */
final class HealthCheck {
  private final Pool pool;
  private final RedisHealth redis;

  HealthCheck(Pool pool, RedisHealth redis) {
    this.pool = pool;
    this.redis = redis;
  }

  void handle(RoutingContext ctx) {
    Future.all(pool.query("select 1").execute().map("UP").otherwise("DOWN"),
            redis.ping().map("UP").otherwise("DOWN"))
        .onComplete(ar -> {
          String pg = ar.result().resultAt(0);
          String rd = ar.result().resultAt(1);
          boolean up = pg.equals("UP") && rd.equals("UP");
          ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
              .end(new JsonObject().put("status", up ? "UP" : "DOWN").put("postgres", pg).put("redis", rd).encode());
        });
  }
}

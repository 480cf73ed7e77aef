package tuangou.bot.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import tuangou.bot.admin.AdminApi;
import tuangou.bot.admin.BearerToken;
import tuangou.bot.admin.FulfilmentApi;
import tuangou.bot.admin.HttpErrors;
import tuangou.bot.admin.LifecycleApi;
import tuangou.bot.admin.ReviewApi;
import tuangou.bot.admin.SettlementApi;
import tuangou.bot.config.Config;
import tuangou.store.pg.PgFulfilment;
import tuangou.store.pg.PgRefunds;
import tuangou.store.pg.PgReview;

/** Every HTTP route of the service, in the order they must match. Wiring only. */
final class Routes {
  private Routes() {}

  static Router of(Vertx vertx, Config config, Clock clock, PrometheusMeterRegistry registry, Pool pool,
      HealthCheck health, AdminToken.Token token, Engine engine, ChannelWiring channels) {
    Router router = Router.router(vertx);
    // every endpoint takes JSON or XML: form bodies are refused before the body handler, which would
    // fail on a form sent with GET
    router.route().handler(ctx -> {
      String type = ctx.request().getHeader("content-type");
      String t = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
      if (t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded")) {
        HttpErrors.respond(ctx, 415, "unsupported_media_type", "send JSON with Content-Type: application/json");
      } else {
        ctx.next();
      }
    });
    router.route().handler(BodyHandler.create().setBodyLimit(config.http().maxBodyBytes()));
    router.get("/health").handler(health::handle);
    if (!config.admin().token().isBlank()) {
      // a configured token guards the metrics too (what is sent where, how much): scrapers send it as a bearer
      router.get("/metrics").handler(new BearerToken(token.value()).required());
    }
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    // AdminApi first: its handler authorizes everything under /api/v1 that the others mount
    new AdminApi(engine.catalog, engine.orders, engine.interpreters, engine.directory, token.value(),
        engine.planner::plan, clock).mount(router);
    new LifecycleApi(engine.catalog, engine.pickups, new PgRefunds(pool), engine.jobs, engine.lifecycle,
        engine.directory, clock).mount(router);
    new SettlementApi(vertx, engine.catalog, engine.ledger, engine.settlement, clock, engine.reports, engine.outbox,
        config.timezone()).mount(router);
    new FulfilmentApi(vertx, engine.catalog, new PgFulfilment(pool), channels.sender::wake).mount(router);
    new ReviewApi(engine.catalog, engine.orders, new PgReview(pool), channels.sender::wake).mount(router);
    channels.mount(router, token.value());
    router.route().failureHandler(HttpErrors::handle);
    router.route().last().handler(ctx -> HttpErrors.respond(ctx, 404, "not_found", "no such endpoint: "
        + ctx.request().method() + " " + ctx.request().path()));
    return router;
  }
}

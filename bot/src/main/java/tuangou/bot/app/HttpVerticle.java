package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import tuangou.bot.config.Config;

/**
 * Serves the router on the configured port, with time limits so that half-sent requests cannot hold
 * connections open: an idle timeout, and a deadline for each request to arrive whole.
 */
final class HttpVerticle extends VerticleBase {
  private final Router router;
  private final int port;
  private final Config.HttpTimeouts timeouts;
  private HttpServer server;

  HttpVerticle(Router router, int port, Config.HttpTimeouts timeouts) {
    this.router = router;
    this.port = port;
    this.timeouts = timeouts;
  }

  @Override
  public Future<?> start() {
    RequestDeadlines deadlines = new RequestDeadlines(vertx, TimeUnit.SECONDS.toMillis(timeouts.requestTimeoutSeconds()));
    return vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(timeouts.idleTimeoutSeconds())
            .setIdleTimeoutUnit(TimeUnit.SECONDS))
        .connectionHandler(deadlines::connected)
        .requestHandler(deadlines.before(router))
        .listen(port).onSuccess(s -> server = s);
  }

  int actualPort() {
    return server.actualPort();
  }
}

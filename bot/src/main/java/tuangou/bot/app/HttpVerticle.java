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
  private long sweeper;

  HttpVerticle(Router router, int port, Config.HttpTimeouts timeouts) {
    this.router = router;
    this.port = port;
    this.timeouts = timeouts;
  }

  @Override
  public Future<?> start() {
    long deadlineMs = TimeUnit.SECONDS.toMillis(timeouts.requestTimeoutSeconds());
    RequestDeadlines deadlines = new RequestDeadlines(deadlineMs);
    // a tenth of the deadline (at most a second): a request is cut off at most that late
    sweeper = vertx.setPeriodic(Math.min(1000, Math.max(50, deadlineMs / 10)), id -> deadlines.sweep());
    // h2c off: HTTP/1.1 is all the service speaks, and sniffing for HTTP/2 would hide new connections
    // from the deadlines until a whole request arrived
    return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)
            .setIdleTimeout(timeouts.idleTimeoutSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS))
        .connectionHandler(deadlines::connected)
        .requestHandler(deadlines.before(router))
        .listen(port).onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweeper);
    return Future.succeededFuture();
  }

  int actualPort() {
    return server.actualPort();
  }
}

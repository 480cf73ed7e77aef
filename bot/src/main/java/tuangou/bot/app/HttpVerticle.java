package tuangou.bot.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** Serves the router on the configured port. */
final class HttpVerticle extends VerticleBase {
  private final Router router;
  private final int port;
  private HttpServer server;

  HttpVerticle(Router router, int port) {
    this.router = router;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(router).listen(port).onSuccess(s -> server = s);
  }

  int actualPort() {
    return server.actualPort();
  }
}

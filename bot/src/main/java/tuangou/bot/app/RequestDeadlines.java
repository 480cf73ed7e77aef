package tuangou.bot.app;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes connections whose request does not arrive whole in time: a new connection must send its
 * first request's headers, and every request its body, within the deadline. The idle timeout alone
 * lets a client that sends one byte now and then hold a connection for ever (3,000 such requests
 * once stayed open). One instance per event loop: its map is touched from that loop only.
 */
final class RequestDeadlines {
  private final Vertx vertx;
  private final long deadlineMs;
  /** Connections that have not sent a request yet, with the timer that closes them. */
  private final Map<HttpConnection, Long> waiting = new HashMap<>();

  RequestDeadlines(Vertx vertx, long deadlineMs) {
    this.vertx = vertx;
    this.deadlineMs = deadlineMs;
  }

  void connected(HttpConnection connection) {
    waiting.put(connection, vertx.setTimer(deadlineMs, id -> {
      if (waiting.remove(connection) != null) {
        connection.close();
      }
    }));
    connection.closeHandler(v -> {
      Long timer = waiting.remove(connection);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
    });
  }

  /** {@code next}, after starting the request's deadline for its body. */
  Handler<HttpServerRequest> before(Handler<HttpServerRequest> next) {
    return request -> {
      Long timer = waiting.remove(request.connection());
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
      long body = vertx.setTimer(deadlineMs, id -> {
        if (!request.isEnded()) {
          request.connection().close();
        }
      });
      request.response().endHandler(v -> vertx.cancelTimer(body));
      next.handle(request);
    };
  }
}

package tuangou.bot.app;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Closes connections whose request does not arrive whole in time: a new connection must send its
 * first request's headers, and every request its body, within the deadline. The idle timeout alone
 * lets a client that sends a byte now and then hold a connection for ever (3,000 such requests once
 * stayed open). One sweep a tick closes what is overdue; it runs on the server's event loop, like
 * the handlers that fill its maps, so they need no locks. The server must not sniff for HTTP/2
 * (h2c off): while it does, a connection is handed over only once a request has arrived.
 */
final class RequestDeadlines {
  private final long deadlineNanos;
  /** Connections that have not sent a request yet, with when they must have. */
  private final Map<HttpConnection, Long> connecting = new HashMap<>();
  /** Requests still arriving, with when they must have arrived whole. */
  private final Map<HttpServerRequest, Long> arriving = new HashMap<>();

  RequestDeadlines(long deadlineMs) {
    this.deadlineNanos = deadlineMs * 1_000_000L;
  }

  void connected(HttpConnection connection) {
    connecting.put(connection, System.nanoTime() + deadlineNanos);
    connection.closeHandler(v -> connecting.remove(connection));
  }

  /** {@code next}, after starting the request's deadline for its body. */
  Handler<HttpServerRequest> before(Handler<HttpServerRequest> next) {
    return request -> {
      connecting.remove(request.connection());
      if (!request.isEnded()) {
        arriving.put(request, System.nanoTime() + deadlineNanos);
      }
      next.handle(request);
    };
  }

  /** Closes what is overdue; forgets requests that have arrived whole. */
  void sweep() {
    long now = System.nanoTime();
    for (Iterator<Map.Entry<HttpConnection, Long>> i = connecting.entrySet().iterator(); i.hasNext(); ) {
      Map.Entry<HttpConnection, Long> e = i.next();
      if (now - e.getValue() > 0) {
        i.remove();
        e.getKey().close();
      }
    }
    for (Iterator<Map.Entry<HttpServerRequest, Long>> i = arriving.entrySet().iterator(); i.hasNext(); ) {
      Map.Entry<HttpServerRequest, Long> e = i.next();
      if (e.getKey().isEnded()) {
        i.remove();
      } else if (now - e.getValue() > 0) {
        i.remove();
        e.getKey().connection().close();
      }
    }
  }
}

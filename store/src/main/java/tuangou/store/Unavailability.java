package tuangou.store;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Whether a failure means PostgreSQL or Redis is away (answer 503, the sender retries) rather than
 * that the request was wrong or the code is. One place decides it for every endpoint.
 *
 * <p>Unavailable: {@link StoreUnavailableException}; PostgreSQL's SQLSTATE classes 08 (connection
 * exception), 53 (insufficient resources), 57 (operator intervention: 57014 statement timeout,
 * 57P01–57P03 shutting down or starting up), 58 (system error) and 40 (a serialization failure or
 * deadlock, worth a retry); a closed connection, a refused or timed-out connect, a timeout of any
 * kind (pool acquire, statement, a Redis command) and Redisson's own failures.
 */
public final class Unavailability {
  private static final Set<String> CLASSES = Set.of("08", "53", "57", "58", "40");

  private Unavailability() {}

  /** True when {@code t}, or what it wraps, says a server did not answer in time or went away. */
  public static boolean of(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (direct(c)) {
        return true;
      }
    }
    return false;
  }

  /** The SQLSTATE of a PostgreSQL failure whose class means the database is away, or null. */
  public static String sqlState(Throwable t) {
    return t instanceof PgException pg ? pg.getSqlState() : null;
  }

  private static boolean direct(Throwable t) {
    if (t instanceof StoreUnavailableException || t instanceof java.util.concurrent.TimeoutException
        || t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
        || t instanceof java.nio.channels.ClosedChannelException
        || t instanceof io.vertx.sqlclient.ClosedConnectionException
        || t instanceof io.vertx.core.http.HttpClosedException) {
      return true;
    }
    if (t instanceof PgException pg) {
      String state = pg.getSqlState();
      return state != null && state.length() >= 2 && CLASSES.contains(state.substring(0, 2));
    }
    String name = t.getClass().getName();
    if (name.startsWith("org.redisson.client.Redis") || name.startsWith("io.netty.channel.ConnectTimeout")
        || name.equals("io.netty.channel.StacklessClosedChannelException")) {
      return true;
    }
    // the pool and the sql client also fail with plain VertxExceptions that only their text tells apart
    if (t instanceof io.vertx.core.VertxException) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
      return m.contains("timeout") || m.contains("timed out") || m.contains("connection is closed")
          || m.contains("closed connection") || m.contains("connection refused") || m.contains("pool closed");
    }
    return false;
  }
}

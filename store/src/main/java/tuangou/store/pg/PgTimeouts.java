package tuangou.store.pg;

/**
 * How long the service waits on PostgreSQL, so that a database that is down, starting or cut off
 * by the network costs a caller seconds, never minutes.
 *
 * @param connectMs a new connection is established within this (a refused or unrouted connect)
 * @param acquireMs a caller gets a pooled connection within this, or fails (every connection busy or stuck)
 * @param statementMs PostgreSQL cancels a statement running longer (its {@code statement_timeout}; 0: none)
 * @param readIdleSeconds a connection from which nothing arrives this long is closed: a query sent
 *     into a network that drops packets fails then instead of waiting for TCP to give up. Longer than
 *     {@code statementMs}, so a live statement always answers first; idle connections are retired by
 *     the pool well before it ({@link #poolIdleSeconds()})
 */
public record PgTimeouts(int connectMs, int acquireMs, int statementMs, int readIdleSeconds) {
  /** The service's: 2 s to connect, 2 s for a pooled connection, 5 s a statement, 6 s of silence. */
  public static final PgTimeouts DEFAULT = new PgTimeouts(2000, 2000, 5000, 6);

  public PgTimeouts {
    if (connectMs <= 0 || acquireMs <= 0 || statementMs < 0 || readIdleSeconds < 2) {
      throw new IllegalArgumentException("timeouts must be positive (read idle at least 2 s)");
    }
    if (statementMs > 0 && statementMs >= readIdleSeconds * 1000L) {
      throw new IllegalArgumentException("the read idle timeout must be longer than the statement timeout");
    }
  }

  /**
   * The service's connect and acquire timeouts with {@code statementMs} (0: none); the read idle
   * timeout follows it, a second longer and 6 s at least (an hour without a statement timeout).
   */
  public static PgTimeouts withStatementTimeout(int statementMs) {
    return statementMs == 0 ? DEFAULT.withoutStatementLimit()
        : new PgTimeouts(DEFAULT.connectMs(), DEFAULT.acquireMs(), statementMs,
            Math.max(DEFAULT.readIdleSeconds(), (statementMs + 999) / 1000 + 1));
  }

  /** The same without a statement timeout: for bulk loads (benchmarks), never for the service. */
  public PgTimeouts withoutStatementLimit() {
    return new PgTimeouts(connectMs, acquireMs, 0, 3600);
  }

  /** Idle pooled connections are closed after this, before the read idle timeout could close them mid-query. */
  int poolIdleSeconds() {
    return Math.max(1, readIdleSeconds / 2);
  }
}

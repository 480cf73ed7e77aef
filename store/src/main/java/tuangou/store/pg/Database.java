package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL pools, with the schema migrated to the newest version before first use: one for
 * messages and requests, bounded tightly so that trouble costs seconds, and a small one for bulk
 * work that reads a whole month (settlement runs, statements), whose statements may rightly run longer.
 */
public final class Database {
  /** Connections for bulk work: one settlement run at a time, and a statement or report beside it. */
  static final int BULK_POOL_SIZE = 2;
  /** A month's settlement query reads millions of rows; only a network that drops packets should be cut short. */
  static final int BULK_STATEMENT_MS = 600_000;
  private final Pool pool;
  private final Pool bulk;

  private Database(Pool pool, Pool bulk) {
    this.pool = pool;
    this.bulk = bulk;
  }

  public Pool pool() {
    return pool;
  }

  /** The pool for bulk work, with a statement limit of minutes rather than seconds. */
  public Pool bulk() {
    return bulk;
  }

  /**
   * Migrates the schema (Flyway over JDBC, off the event loop) and opens the pool.
   *
   * @param url {@code postgresql://user[:password]@host:port/db}
   */
  public static Future<Database> connect(Vertx vertx, String url, int poolSize) {
    return connect(vertx, url, poolSize, PgTimeouts.DEFAULT);
  }

  /** As {@link #connect(Vertx, String, int)}, waiting on PostgreSQL no longer than {@code timeouts} allow. */
  public static Future<Database> connect(Vertx vertx, String url, int poolSize, PgTimeouts timeouts) {
    return connect(vertx, PgConnectOptions.fromUri(url), poolSize, timeouts);
  }

  /** As {@link #connect(Vertx, String, int, PgTimeouts)}, to the server and database {@code server} names. */
  public static Future<Database> connect(Vertx vertx, PgConnectOptions server, int poolSize, PgTimeouts timeouts) {
    PgConnectOptions options = new PgConnectOptions(server)
        // every statement is a prepared one repeated thousands of times: parse each once per connection
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512);
    if (timeouts.statementMs() > 0) {
      // sent in the startup message, so it holds for every statement on every connection of the pool
      options.addProperty("statement_timeout", String.valueOf(timeouts.statementMs()));
    }
    return vertx.executeBlocking(() -> {
      migrate(options, timeouts);
      return null;
    }).map(v -> new Database(pool(vertx, options, poolSize, "tuangou", timeouts),
        pool(vertx, new PgConnectOptions(options).addProperty("statement_timeout", String.valueOf(BULK_STATEMENT_MS)),
            BULK_POOL_SIZE, "tuangou-bulk", PgTimeouts.withStatementTimeout(BULK_STATEMENT_MS))));
  }

  private static Pool pool(Vertx vertx, PgConnectOptions options, int size, String name, PgTimeouts timeouts) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName(name)
            .setConnectionTimeout(timeouts.acquireMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
            .setIdleTimeout(timeouts.poolIdleSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
            .setPoolCleanerPeriod(1000))
        .with(new NetClientOptions().setConnectTimeout(timeouts.connectMs())
            .setReadIdleTimeout(timeouts.readIdleSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS))
        .connectingTo(options)
        .using(vertx)
        .build();
  }

  static void migrate(PgConnectOptions o, PgTimeouts timeouts) {
    // JDBC takes seconds; a migration may run long (it is not bounded by the statement timeout)
    String jdbc = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase()
        + "?connectTimeout=" + Math.max(1, timeouts.connectMs() / 1000) + "&loginTimeout=10";
    Flyway.configure()
        .dataSource(jdbc, o.getUser(), o.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public Future<Void> close() {
    return Future.all(pool.close(), bulk.close()).mapEmpty();
  }
}

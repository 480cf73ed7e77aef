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

/** The PostgreSQL pool, with the schema migrated to the newest version before first use. */
public final class Database {
  private final Pool pool;

  private Database(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
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
    PgConnectOptions options = PgConnectOptions.fromUri(url)
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
    }).map(v -> new Database(PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName("tuangou")
            .setConnectionTimeout(timeouts.acquireMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
            .setIdleTimeout(timeouts.poolIdleSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
            .setPoolCleanerPeriod(1000))
        .with(new NetClientOptions().setConnectTimeout(timeouts.connectMs())
            .setReadIdleTimeout(timeouts.readIdleSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS))
        .connectingTo(options)
        .using(vertx)
        .build()));
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
    return pool.close();
  }
}

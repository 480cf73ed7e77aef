package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
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
    PgConnectOptions options = PgConnectOptions.fromUri(url)
        // every statement is a prepared one repeated thousands of times: parse each once per connection
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512);
    return vertx.executeBlocking(() -> {
      migrate(options);
      return null;
    }).map(v -> new Database(PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setName("tuangou"))
        .connectingTo(options)
        .using(vertx)
        .build()));
  }

  static void migrate(PgConnectOptions o) {
    String jdbc = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
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

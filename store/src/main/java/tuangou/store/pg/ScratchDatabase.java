package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.regex.Pattern;

/**
 * A throw-away database beside the service's own, on the same server: made empty, used, and
 * dropped with whatever is still connected to it. Its name is the service's with a suffix, so a
 * scratch database left by a killed process is found and replaced by the next one.
 */
public final class ScratchDatabase {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private final Pool pool;
  private final PgConnectOptions options;

  private ScratchDatabase(Pool pool, PgConnectOptions options) {
    this.pool = pool;
    this.options = options;
  }

  /**
   * Makes {@code <database>_<suffix>} anew on the server of {@code url}, through {@code pool}
   * (connected to that server; it runs the statements and later the drop).
   */
  public static Future<ScratchDatabase> create(Pool pool, String url, String suffix) {
    PgConnectOptions service = PgConnectOptions.fromUri(url);
    String name = service.getDatabase() + "_" + suffix;
    if (!NAME.matcher(name).matches()) {
      // a quoted identifier would do, but a name that needs quoting is not worth the risk here
      return Future.failedFuture(new IllegalArgumentException("no scratch database beside " + service.getDatabase()));
    }
    ScratchDatabase scratch = new ScratchDatabase(pool, new PgConnectOptions(service).setDatabase(name));
    return scratch.drop()
        .compose(v -> pool.query("create database " + name).execute())
        .map(rows -> scratch);
  }

  /** How to reach the scratch database: as the service reaches its own, naming the scratch database instead. */
  public PgConnectOptions options() {
    return new PgConnectOptions(options);
  }

  public String name() {
    return options.getDatabase();
  }

  /** Drops the database, ending any session still on it. */
  public Future<Void> drop() {
    return pool.query("drop database if exists " + name() + " with (force)").execute().mapEmpty();
  }
}

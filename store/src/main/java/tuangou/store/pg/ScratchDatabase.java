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
  private final String name;
  private final String url;

  private ScratchDatabase(Pool pool, String name, String url) {
    this.pool = pool;
    this.name = name;
    this.url = url;
  }

  /**
   * Makes {@code <database>_<suffix>} anew on the server of {@code url}, through {@code pool}
   * (connected to that server; it runs the statements and later the drop).
   */
  public static Future<ScratchDatabase> create(Pool pool, String url, String suffix) {
    PgConnectOptions options = PgConnectOptions.fromUri(url);
    String name = options.getDatabase() + "_" + suffix;
    if (!NAME.matcher(name).matches()) {
      // a quoted identifier would do, but a name that needs quoting is not worth the risk here
      return Future.failedFuture(new IllegalArgumentException("no scratch database beside " + options.getDatabase()));
    }
    ScratchDatabase scratch;
    try {
      scratch = new ScratchDatabase(pool, name, withDatabase(url, options.getDatabase(), name));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return scratch.drop()
        .compose(v -> pool.query("create database " + name).execute())
        .map(rows -> scratch);
  }

  /** The scratch database's URL: the service's, naming the scratch database instead. */
  public String url() {
    return url;
  }

  public String name() {
    return name;
  }

  /** Drops the database, ending any session still on it. */
  public Future<Void> drop() {
    return pool.query("drop database if exists " + name + " with (force)").execute().mapEmpty();
  }

  static String withDatabase(String url, String database, String replacement) {
    int query = url.indexOf('?');
    String head = query < 0 ? url : url.substring(0, query);
    String tail = query < 0 ? "" : url.substring(query);
    int slash = head.lastIndexOf('/');
    if (slash < head.indexOf("//") + 2 || !head.substring(slash + 1).equals(database)) {
      throw new IllegalArgumentException("the database URL does not end in its database name");
    }
    return head.substring(0, slash + 1) + replacement + tail;
  }
}

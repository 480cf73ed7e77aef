package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import tuangou.store.ConflictException;
import tuangou.store.StoreUnavailableException;

/** Turns PostgreSQL failures into the store's two kinds: a conflict, or the database being away. */
final class PgErrors {
  private PgErrors() {}

  static <T> Future<T> translate(Throwable t, String conflictMessage) {
    if (t instanceof PgException pg) {
      if ("23505".equals(pg.getSqlState()) || "23503".equals(pg.getSqlState())) {
        return Future.failedFuture(new ConflictException(conflictMessage));
      }
      return Future.failedFuture(t);
    }
    if (t instanceof ConflictException) {
      return Future.failedFuture(t);
    }
    return Future.failedFuture(new StoreUnavailableException("database unavailable: " + t.getMessage(), t));
  }
}

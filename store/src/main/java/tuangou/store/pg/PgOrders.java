package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;
import tuangou.store.StoredLine;

/** Order lines: written in per-group transactions, read for the admin API. */
public final class PgOrders {
  private final Pool pool;

  public PgOrders(Pool pool) {
    this.pool = pool;
  }

  /**
   * Runs {@code work} in a transaction that holds the group's advisory lock. PostgreSQL rather
   * than Redis keeps the group's order, so losing Redis can neither reorder nor lose a message.
   */
  public <T> Future<T> inGroup(long groupId, Function<PgGroupTransaction, Future<T>> work) {
    return pool.withTransaction(conn -> {
          // not awaited: statements on one connection run in order, so the work's first query
          // waits behind the lock in PostgreSQL, and the lock costs no extra round trip
          Future<?> lock = conn.preparedQuery("select pg_advisory_xact_lock($1, $2)")
              .execute(Tuple.of(LockKeys.GROUP, (int) groupId));
          return work.apply(new PgGroupTransaction(conn, groupId)).compose(result -> lock.map(result));
        })
        .recover(t -> PgErrors.translate(t, "conflict while applying messages of group " + groupId));
  }

  /** A line with the group it belongs to. */
  public record GroupLine(long groupId, StoredLine line) {}

  /** Active lines of a campaign, by group then age; {@code groupId} null for all groups. */
  public Future<List<GroupLine>> activeLines(long campaignId, Long groupId) {
    return pool.preparedQuery("select * from order_line where campaign_id = $1 and status = 'active' "
            + "and ($2::bigint is null or group_id = $2) order by group_id, id")
        .execute(Tuple.of(campaignId, groupId))
        .map(rs -> PgCatalog.all(rs, PgOrders::line))
        .recover(t -> PgErrors.translate(t, ""));
  }

  static GroupLine line(Row r) {
    return new GroupLine(r.getLong("group_id"), new StoredLine(r.getString("line_key"), r.getString("origin"),
        r.getString("customer"), r.getString("label"), r.getString("product_id"), r.getBigDecimal("qty"),
        r.getString("note"), r.getString("source_msg")));
  }
}

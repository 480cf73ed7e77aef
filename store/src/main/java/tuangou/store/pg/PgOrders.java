package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import tuangou.store.StoredLine;

/** Order lines: written in per-group transactions, read for the admin API. */
public final class PgOrders {
  /**
   * Set for the transaction with its locks, in their statement. Statements keyed by arrays of ids would
   * otherwise be planned anew at every transaction: their plan for any ids is the plan for these. A plan
   * kept that way is made once a connection, often while the tables are still small, when scanning a
   * table whole looks cheapest; kept, it would scan the grown table every time (the inbox's done marks:
   * 0.6 ms a message after 20,000 messages). Every statement here is a keyed lookup, so it is planned
   * on its index.
   */
  private static final String PLANS = "set_config('plan_cache_mode', 'force_generic_plan', true), "
      + "set_config('enable_seqscan', 'off', true)";

  private final Pool pool;

  public PgOrders(Pool pool) {
    this.pool = pool;
  }

  /**
   * Runs {@code work} in a transaction that holds the group's advisory lock. PostgreSQL rather
   * than Redis keeps the group's order, so losing Redis can neither reorder nor lose a message.
   */
  public <T> Future<T> inGroup(long groupId, Function<PgGroupTransaction, Future<T>> work) {
    return locked("group " + groupId,
        conn -> conn.preparedQuery("select " + PLANS + ", pg_advisory_xact_lock($1, $2)")
            .execute(Tuple.of(LockKeys.GROUP, (int) groupId)),
        (conn, deferred) -> work.apply(new PgGroupTransaction(conn, groupId, deferred)));
  }

  /**
   * Runs {@code work} in one transaction that holds the advisory locks of all {@code groupIds}, taken
   * in ascending order, so that two such transactions can never wait on each other.
   */
  public <T> Future<T> inGroups(List<Long> groupIds, Function<PgGroupsTransaction, Future<T>> work) {
    Integer[] keys = groupIds.stream().map(id -> (int) (long) id).sorted().toArray(Integer[]::new);
    return locked("groups " + groupIds, conn -> conn.preparedQuery("select " + PLANS + ", count(pg_advisory_xact_lock($1, g)) "
            + "from (select unnest($2::int[]) as g order by 1) keys").execute(Tuple.of(LockKeys.GROUP, (Object) keys)),
        (conn, deferred) -> work.apply(new PgGroupsTransaction(conn, deferred)));
  }

  /**
   * A transaction that takes its locks, runs {@code work}, and writes what the work left to its end
   * ({@link DeferredWrites}). The locks are not awaited: statements on one connection run in order,
   * so the work's first query waits behind them in PostgreSQL, and they cost no extra round trip.
   */
  private <T> Future<T> locked(String what, Function<SqlConnection, Future<?>> lock,
      BiFunction<SqlConnection, DeferredWrites, Future<T>> work) {
    return pool.withTransaction(conn -> {
          Future<?> held = lock.apply(conn);
          DeferredWrites deferred = new DeferredWrites();
          // the lock too: when it times out, the work fails only because the transaction is aborted
          deferred.inFlight(held);
          return work.apply(conn, deferred)
              .recover(t -> deferred.settled().transform(v -> {
                Throwable cause = deferred.failedInFlight();
                return Future.<T>failedFuture(cause == null ? t : cause);
              }))
              .compose(result -> deferred.write(conn).map(result));
        })
        .recover(t -> PgErrors.translate(t, "conflict while applying messages of " + what));
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

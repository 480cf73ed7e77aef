package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;
import tuangou.store.InboxMessage;
import tuangou.store.OutboxDraft;

/**
 * Inbox rows that belong to no group: a leader's private messages to the app, and channel events
 * such as a customer group being created. Claimed with SKIP LOCKED so that one instance handles
 * each; a handler's replies are queued in the same transaction that marks the row done.
 */
public final class PgDirectInbox {
  /** A row whose handler keeps failing (say WeCom's API is down for long) is set aside after this many tries. */
  static final int MAX_ATTEMPTS = 5;
  private final Pool pool;

  public PgDirectInbox(Pool pool) {
    this.pool = pool;
  }

  /**
   * Hands up to {@code limit} pending rows, oldest first, to {@code handle}; returns how many were
   * handled. A handler failure is recorded on the row, which is tried again on a later call and set
   * aside as failed after {@value #MAX_ATTEMPTS} tries.
   */
  public Future<Integer> process(int limit, Function<InboxMessage, Future<List<OutboxDraft>>> handle) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("select * from inbox where group_id is null and state = 'pending' order by id limit $1 "
                + "for update skip locked")
            .execute(Tuple.of(limit))
            .compose(rs -> {
              List<InboxMessage> due = PgCatalog.all(rs, PgInbox::message);
              Future<Integer> done = Future.succeededFuture(0);
              for (InboxMessage m : due) {
                done = done.compose(n -> handle.apply(m)
                    .compose(drafts -> finish(conn, m.id(), drafts))
                    .map(v -> n + 1)
                    .recover(t -> t instanceof tuangou.store.StoreUnavailableException ? Future.failedFuture(t)
                        : retryLater(conn, m.id(), String.valueOf(t.getMessage())).map(n)));
              }
              return done;
            }))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** True while rows wait, so a sweep knows to run again at once. */
  public Future<Boolean> anyPending() {
    return pool.query("select exists (select 1 from inbox where group_id is null and state = 'pending')").execute()
        .map(rs -> rs.iterator().next().getBoolean(0))
        .recover(t -> PgErrors.translate(t, ""));
  }

  private static Future<Void> finish(SqlConnection conn, long inboxId, List<OutboxDraft> drafts) {
    return PgOutbox.enqueue(conn, drafts, inboxId).compose(v -> conn.preparedQuery("update inbox set state = 'done', processed_at = now(), "
        + "attempts = attempts + 1, error = null where id = $1").execute(Tuple.of(inboxId)).mapEmpty());
  }

  private static Future<Void> retryLater(SqlConnection conn, long inboxId, String error) {
    return conn.preparedQuery("update inbox set attempts = attempts + 1, error = $2, "
            + "state = case when attempts + 1 >= $3 then 'failed' else 'pending' end, "
            + "processed_at = case when attempts + 1 >= $3 then now() end where id = $1")
        .execute(Tuple.of(inboxId, error, MAX_ATTEMPTS)).mapEmpty();
  }
}

package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction for several groups at once, holding every one's advisory lock: the messages of
 * groups that arrive together are applied together and share the commit. Each group's own reads
 * and writes go through {@link #group(long)}, exactly as in a transaction of its own.
 */
public final class PgGroupsTransaction {
  private final SqlConnection conn;
  private final DeferredWrites deferred;

  PgGroupsTransaction(SqlConnection conn, DeferredWrites deferred) {
    this.conn = conn;
    this.deferred = deferred;
  }

  /** The transaction's connection, for the store's own tests. */
  SqlConnection connection() {
    return conn;
  }

  /** The group's part of the transaction. */
  public PgGroupTransaction group(long groupId) {
    return new PgGroupTransaction(conn, groupId, deferred);
  }

  /** Each group's unprocessed messages, oldest first, at most {@code limit} a group; groups with none are absent. */
  public Future<Map<Long, PgGroupTransaction.Pending>> pendingAndBooks(List<Long> groupIds, int limit) {
    return pendingAndBooks(conn, groupIds, limit);
  }

  static Future<Map<Long, PgGroupTransaction.Pending>> pendingAndBooks(SqlConnection conn, List<Long> groupIds, int limit) {
    return conn.preparedQuery("select i.*, g.book_version from unnest($1::int8[]) as r(id) join chat_group g "
            + "on g.id = r.id cross join lateral (select * from inbox where group_id = g.id and state = 'pending' "
            + "order by id limit $2) i order by i.group_id, i.id")
        .execute(Tuple.of(groupIds.toArray(Long[]::new), limit))
        .map(rs -> {
          Map<Long, List<tuangou.store.InboxMessage>> messages = new HashMap<>();
          Map<Long, Long> versions = new HashMap<>();
          rs.forEach(r -> {
            long g = r.getLong("group_id");
            messages.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(PgInbox.message(r));
            versions.put(g, r.getLong("book_version"));
          });
          Map<Long, PgGroupTransaction.Pending> out = new HashMap<>();
          messages.forEach((g, list) -> out.put(g, new PgGroupTransaction.Pending(list, versions.get(g))));
          return out;
        });
  }

  /** {@link PgGroupTransaction#bookWritten()} for each group, in one statement; the new counts by group. */
  public Future<Map<Long, Long>> booksWritten(List<Long> groupIds) {
    return booksWritten(conn, groupIds);
  }

  static Future<Map<Long, Long>> booksWritten(SqlConnection conn, List<Long> groupIds) {
    return conn.preparedQuery("update chat_group set book_version = book_version + 1 where id = any($1) "
            + "returning id, book_version")
        .execute(Tuple.of((Object) groupIds.toArray(Long[]::new)))
        .map(rs -> {
          Map<Long, Long> out = new HashMap<>();
          rs.forEach(r -> out.put(r.getLong("id"), r.getLong("book_version")));
          return out;
        });
  }
}

package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
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

  /**
   * Each group's unprocessed messages, oldest first, at most {@code limit} a group; groups with none
   * are absent. The count of writes to the book of each group that has some is raised in the same
   * statement (see {@link PgGroupTransaction.Pending}).
   */
  public Future<Map<Long, PgGroupTransaction.Pending>> pendingAndBooks(List<Long> groupIds, int limit) {
    return pendingAndBooks(conn, groupIds, limit);
  }

  static Future<Map<Long, PgGroupTransaction.Pending>> pendingAndBooks(SqlConnection conn, List<Long> groupIds, int limit) {
    // every part of one statement sees the rows as they were before it: book_version in "pending" is the
    // count the pending messages follow, and "written" the count this transaction leaves
    return conn.preparedQuery("with pending as (select i.*, g.book_version, exists (select 1 from unresolved_mention u "
            + "where u.group_id = g.id and u.open and u.kind <> 'AFTER_SALES') as asking "
            + "from unnest($1::int8[]) as r(id) join chat_group g on g.id = r.id cross join lateral "
            + "(select * from inbox where group_id = g.id and state = 'pending' order by id limit $2) i), "
            + "written as (update chat_group set book_version = book_version + 1 "
            + "where id in (select group_id from pending) returning id, book_version) "
            + "select p.*, w.book_version as written_version from pending p join written w on w.id = p.group_id "
            + "order by p.group_id, p.id")
        .execute(Tuple.of(groupIds.toArray(Long[]::new), limit))
        .map(rs -> {
          Map<Long, List<tuangou.store.InboxMessage>> messages = new HashMap<>();
          Map<Long, Row> groups = new HashMap<>();
          rs.forEach(r -> {
            long g = r.getLong("group_id");
            messages.computeIfAbsent(g, k -> new java.util.ArrayList<>()).add(PgInbox.message(r));
            groups.put(g, r);
          });
          Map<Long, PgGroupTransaction.Pending> out = new HashMap<>();
          messages.forEach((g, list) -> {
            Row r = groups.get(g);
            out.put(g, new PgGroupTransaction.Pending(list, r.getLong("book_version"), r.getLong("written_version"),
                r.getBoolean("asking")));
          });
          return out;
        });
  }
}

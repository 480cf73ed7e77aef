package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * The WeCom msgaudit reader's position in each corp's archive: the last seq whose records were
 * all stored. Tencent's archive is read "after seq", so 0 (nothing read yet) starts at the oldest
 * record it still keeps.
 */
public final class PgMsgAuditCursor {
  private final Pool pool;

  public PgMsgAuditCursor(Pool pool) {
    this.pool = pool;
  }

  /** The stored seq of {@code corpId}, 0 when the archive was never read. */
  public Future<Long> read(String corpId) {
    return pool.preparedQuery("select seq from msgaudit_cursor where corp_id = $1").execute(Tuple.of(corpId))
        .map(rs -> PgCatalog.first(rs).map(r -> r.getLong("seq")).orElse(0L))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Moves the cursor to {@code seq}, never backwards: two instances reading the same archive
   * overlap (their inbox writes are no-ops) but one finishing late must not rewind the other.
   */
  public Future<Void> advance(String corpId, long seq) {
    return pool.preparedQuery("insert into msgaudit_cursor (corp_id, seq) values ($1, $2) on conflict (corp_id) "
            + "do update set seq = greatest(msgaudit_cursor.seq, excluded.seq), updated_at = now()")
        .execute(Tuple.of(corpId, seq))
        .<Void>mapEmpty()
        .recover(t -> PgErrors.translate(t, ""));
  }
}

package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import tuangou.store.ChatGroup;
import tuangou.store.Leader;

/**
 * Groups as the channels report them: WeCom tells when a leader's customer group is created,
 * renamed, joined, left or dismissed, and the registry follows without an operator.
 */
public final class PgGroupRegistry {
  private final Pool pool;

  public PgGroupRegistry(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Leader>> leaderByWeComUser(String userId) {
    return pool.preparedQuery("select * from leader where wecom_user_id = $1").execute(Tuple.of(userId))
        .map(rs -> PgCatalog.first(rs).map(PgCatalog::leader))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Creates the group, or brings it up to date (name, owner, members; a re-created chat is no longer
   * dismissed). The pickup point and robot key an operator set are kept. Messages of the chat that
   * arrived in the last hour, before the group was known, are handed to it to be read as orders.
   */
  public Future<ChatGroup> upsert(String channel, String chatId, String name, long leaderId, String leaderUser,
      int memberCount) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("insert into chat_group (channel, chat_id, name, leader_id, leader_user, member_count) "
                + "values ($1, $2, $3, $4, $5, $6) on conflict (channel, chat_id) do update set name = excluded.name, "
                + "leader_id = excluded.leader_id, leader_user = excluded.leader_user, "
                + "member_count = excluded.member_count, dismissed_at = null, updated_at = now() returning *")
            .execute(Tuple.of(channel, chatId, name, leaderId, leaderUser, memberCount))
            .map(rs -> PgCatalog.group(rs.iterator().next()))
            .compose(g -> conn.preparedQuery("update inbox set group_id = $1, state = 'pending', processed_at = null "
                    + "where channel = $2 and chat_id = $3 and group_id is null and not extras ? 'event' "
                    + "and received_at > now() - interval '1 hour'")
                .execute(Tuple.of(g.id(), channel, chatId)).map(g)))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Marks the group dismissed; its orders and history stay. False when no such group is known. */
  public Future<Boolean> dismiss(String channel, String chatId) {
    return pool.preparedQuery("update chat_group set dismissed_at = coalesce(dismissed_at, now()), updated_at = now() "
            + "where channel = $1 and chat_id = $2")
        .execute(Tuple.of(channel, chatId))
        .map(rs -> rs.rowCount() > 0)
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The leader's groups that are not dismissed, oldest first. */
  public Future<List<ChatGroup>> groupsOf(long leaderId) {
    return pool.preparedQuery("select * from chat_group where leader_id = $1 and dismissed_at is null order by id")
        .execute(Tuple.of(leaderId))
        .map(rs -> PgCatalog.all(rs, PgCatalog::group))
        .recover(t -> PgErrors.translate(t, ""));
  }
}

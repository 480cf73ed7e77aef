package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** The simulator's conversations, kept so that a page reload shows the whole chat. */
public final class PgSimulator {
  private final Pool pool;

  public PgSimulator(Pool pool) {
    this.pool = pool;
  }

  /** A chat's messages, or a person's direct messages when {@code recipient} is set. */
  public Future<List<JsonObject>> conversation(String chatId, String recipient, int limit) {
    return pool.preparedQuery("select * from (select * from sim_message where "
            + "(($1::text is not null and chat_id = $1) or ($2::text is not null and recipient = $2)) "
            + "order by id desc limit $3) m order by id")
        .execute(Tuple.of(chatId, recipient, limit))
        .map(rs -> PgCatalog.all(rs, r -> new JsonObject().put("id", r.getLong("id"))
            .put("sender", r.getString("sender")).put("name", r.getString("name"))
            .put("text", r.getString("text")).put("fromBot", r.getBoolean("from_bot"))
            .put("at", r.getOffsetDateTime("at").toString())))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * The simulator's live groups, newest first, each with its leader's sender id and name. Newest
   * first and filtered in SQL because a database that has seen many groups of other channels (or
   * many tries) must still offer the group just created.
   */
  public Future<List<JsonObject>> groups(int limit) {
    return pool.preparedQuery("select g.chat_id, g.name, g.leader_user, l.name as leader_name from chat_group g "
            + "join leader l on l.id = g.leader_id where g.channel = 'sim' and g.dismissed_at is null "
            + "order by g.id desc limit $1")
        .execute(Tuple.of(limit))
        .map(rs -> PgCatalog.all(rs, r -> new JsonObject().put("chatId", r.getString("chat_id"))
            .put("name", r.getString("name")).put("leaderUser", r.getString("leader_user"))
            .put("leaderName", r.getString("leader_name"))))
        .recover(t -> PgErrors.translate(t, ""));
  }
}

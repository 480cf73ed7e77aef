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
        .map(rs -> PgCatalog.all(rs, r -> new JsonObject()
            .put("sender", r.getString("sender")).put("name", r.getString("name"))
            .put("text", r.getString("text")).put("fromBot", r.getBoolean("from_bot"))
            .put("at", r.getOffsetDateTime("at").toString())))
        .recover(t -> PgErrors.translate(t, ""));
  }
}

package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import tuangou.store.InboxMessage;
import tuangou.store.InboxState;

/**
 * The inbox: every message stored before it is acknowledged, unique per (channel, chat_id, msg_id):
 * a message id repeats only within one chat.
 */
public final class PgInbox {
  /** Messages one statement stores at most, and statements under way at once. */
  private static final int BATCH_ROWS = 64;
  private static final int BATCH_STORES = 2;

  private final Pool pool;
  private final InboxBatches batches;

  public PgInbox(Pool pool) {
    this.pool = pool;
    this.batches = new InboxBatches(pool, BATCH_ROWS, BATCH_STORES);
  }

  /** The stored row: {@code fresh} is false when this (channel, chat_id, msg_id) was already there. */
  public record Stored(long id, boolean fresh) {}

  /**
   * Stores a message once; a repeat of the same (channel, chat_id, msg_id) is a no-op that finds the
   * row stored before. Messages arriving together share one statement and one commit (see
   * {@link InboxBatches}); inserts for one group hold the group's arrival lock until they commit, so
   * a group's inbox ids are handed out in commit order and the pipeline never sees a message before
   * an older one of the same group.
   */
  public Future<Stored> store(String channel, String msgId, Long groupId, String chatId, String sender,
      String senderName, String text, List<String> mentions, Map<String, String> extras, OffsetDateTime sentAt) {
    return batches.store(new InboxBatches.Arrival(channel, msgId, groupId, chatId, sender, senderName, text, mentions,
        extras, sentAt));
  }

  /** A processed row's state and the texts of its replies, in one round trip. */
  public record Outcome(InboxState state, List<String> replies) {}

  public Future<Outcome> outcome(long id) {
    return pool.preparedQuery("select i.state, coalesce((select json_agg(o.text order by o.id) from outbox o "
            + "where o.in_reply_to = i.id), '[]'::json) as replies from inbox i where i.id = $1")
        .execute(Tuple.of(id))
        .map(rs -> {
          Row r = rs.iterator().next();
          Object replies = r.getValue("replies");
          JsonArray texts = replies instanceof JsonArray a ? a : new JsonArray(String.valueOf(replies));
          return new Outcome(InboxState.stored(r.getString("state")), texts.stream().map(String::valueOf).toList());
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Groups with messages stored but not processed: after a crash or restart they are resumed. */
  public Future<List<Long>> groupsWithPending() {
    return pool.query("select distinct group_id from inbox where state = 'pending' and group_id is not null")
        .execute()
        .map(rs -> PgCatalog.all(rs, r -> r.getLong("group_id")))
        .recover(t -> PgErrors.translate(t, ""));
  }

  static InboxMessage message(Row r) {
    JsonArray mentions = r.getJsonArray("mentions");
    JsonObject extras = r.getJsonObject("extras");
    Map<String, String> ex = new java.util.HashMap<>();
    extras.forEach(e -> ex.put(e.getKey(), String.valueOf(e.getValue())));
    return new InboxMessage(r.getLong("id"), r.getString("channel"), r.getString("msg_id"), r.getLong("group_id"),
        r.getString("chat_id"), r.getString("sender"), r.getString("sender_name"), r.getString("text"),
        mentions.stream().map(String::valueOf).toList(), ex, r.getOffsetDateTime("sent_at"),
        InboxState.stored(r.getString("state")));
  }
}

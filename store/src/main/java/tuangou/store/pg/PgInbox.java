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
import java.util.Optional;
import tuangou.store.InboxMessage;
import tuangou.store.InboxState;

/**
 * The inbox: every message stored before it is acknowledged, unique per (channel, chat_id, msg_id):
 * a message id repeats only within one chat.
 */
public final class PgInbox {
  private final Pool pool;

  public PgInbox(Pool pool) {
    this.pool = pool;
  }

  /** The stored row: {@code fresh} is false when this (channel, chat_id, msg_id) was already there. */
  public record Stored(long id, boolean fresh) {}

  /**
   * Inserts for one group hold this lock until they commit, so a group's inbox ids are handed out
   * in commit order: the pipeline never sees a message before an older one of the same group.
   */
  static final String ARRIVAL_LOCK = "(select pg_advisory_xact_lock(" + LockKeys.ARRIVAL
      + ", ($2 % 2147483647)::int)) arrival";

  public Future<Stored> store(String channel, String msgId, Long groupId, String chatId, String sender,
      String senderName, String text, List<String> mentions, Map<String, String> extras, OffsetDateTime sentAt) {
    if (channel.equals(SIMULATOR) && groupId != null) {
      return storeSimulated(msgId, groupId, chatId, sender, senderName, text, sentAt);
    }
    return pool.preparedQuery("insert into inbox (channel, msg_id, group_id, chat_id, sender, sender_name, text, "
            + "mentions, extras, sent_at) select $1, $3, $2, $4, $5, $6, $7, $8, $9, $10 from "
            + ARRIVAL_LOCK.replace("$2 %", "coalesce($2, 0) %") + " on conflict (channel, chat_id, msg_id) do nothing returning id")
        .execute(Tuple.from(new Object[] {channel, groupId, msgId, chatId, sender, senderName, text,
            new JsonArray(List.copyOf(mentions)), new JsonObject(Map.copyOf(extras)), sentAt}))
        .compose(rs -> {
          Optional<Row> row = PgCatalog.first(rs);
          if (row.isPresent()) {
            return Future.succeededFuture(new Stored(row.get().getLong("id"), true));
          }
          return existing(channel, chatId, msgId);
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The row a repeat ran into: it was there before (or committed by a concurrent insert meanwhile). */
  private Future<Stored> existing(String channel, String chatId, String msgId) {
    return pool.preparedQuery("select id from inbox where channel = $1 and chat_id = $2 and msg_id = $3")
        .execute(Tuple.of(channel, chatId, msgId))
        .map(rs -> new Stored(rs.iterator().next().getLong("id"), false));
  }

  /** The simulator's channel: its messages are also lines of the simulated chat. */
  private static final String SIMULATOR = "sim";

  /**
   * Stores a simulator message and its line in the simulated chat in one statement, so that
   * accepting a message costs one commit.
   */
  private Future<Stored> storeSimulated(String msgId, long groupId, String chatId, String sender, String senderName,
      String text, OffsetDateTime sentAt) {
    return pool.preparedQuery("with stored as (insert into inbox (channel, msg_id, group_id, chat_id, sender, "
            + "sender_name, text, sent_at) select 'sim', $1, $2, $3, $4, $5, $6, $7 from " + ARRIVAL_LOCK
            + " on conflict (channel, chat_id, msg_id) do nothing returning id), "
            + "shown as (insert into sim_message (chat_id, sender, name, text, from_bot) "
            + "select $3, $4, $5, $6, false from stored) "
            + "select id, true as fresh from stored union all "
            + "select id, false from inbox where channel = 'sim' and chat_id = $3 and msg_id = $1 "
            + "and not exists (select 1 from stored)")
        .execute(Tuple.of(msgId, groupId, chatId, sender, senderName, text, sentAt))
        .compose(rs -> {
          Optional<Row> row = PgCatalog.first(rs);
          if (row.isPresent()) {
            return Future.succeededFuture(new Stored(row.get().getLong("id"), row.get().getBoolean("fresh")));
          }
          // a concurrent insert of the same id committed between the two parts: read it now
          return existing(SIMULATOR, chatId, msgId);
        })
        .recover(t -> PgErrors.translate(t, ""));
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

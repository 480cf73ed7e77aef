package tuangou.store.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tuangou.store.Unavailability;

/**
 * Group commit for the inbox: messages that arrive while a store is under way are stored together
 * by the next one, in one statement and one commit. A message that finds no store under way goes at
 * once, so a quiet service waits for nothing; under load a message waits for at most the store
 * before it. Each caller is answered only once its row is committed.
 */
final class InboxBatches {
  /** One message to store. */
  record Arrival(String channel, String msgId, Long groupId, String chatId, String sender, String senderName,
      String text, List<String> mentions, Map<String, String> extras, OffsetDateTime sentAt) {
    String key() {
      return channel + '\u0000' + chatId + '\u0000' + msgId;
    }
  }

  private record Waiting(Arrival arrival, Promise<PgInbox.Stored> promise, Context context) {}

  /**
   * Locks every group of the batch in one order (so that two batches never wait on each other),
   * then inserts in arrival order: each group's inbox ids follow commit order, as with one insert
   * a message. A simulator message is also a line of the simulated chat.
   */
  private static final String INSERT = "with input as (select * from unnest($1::text[], $2::text[], $3::int8[], "
      + "$4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[]) with ordinality "
      + "as u(channel, msg_id, group_id, chat_id, sender, sender_name, text, mentions, extras, sent_at, ord)), "
      + "locked as (select count(pg_advisory_xact_lock(" + LockKeys.ARRIVAL + ", (g % 2147483647)::int)) as n "
      + "from (select distinct coalesce(group_id, 0) as g from input order by 1) groups), "
      + "stored as (insert into inbox (channel, msg_id, group_id, chat_id, sender, sender_name, text, mentions, extras, "
      + "sent_at) select channel, msg_id, group_id, chat_id, sender, sender_name, text, mentions::jsonb, extras::jsonb, "
      + "sent_at from input, locked order by ord on conflict (channel, chat_id, msg_id) do nothing "
      + "returning id, channel, chat_id, msg_id, group_id, sender, sender_name, text), "
      + "shown as (insert into sim_message (chat_id, sender, name, text, from_bot) select chat_id, sender, sender_name, "
      + "text, false from stored where channel = 'sim' and group_id is not null order by id) "
      + "select id, channel, chat_id, msg_id from stored";

  private static final String EXISTING = "select i.id, i.channel, i.chat_id, i.msg_id from inbox i join unnest($1::text[], "
      + "$2::text[], $3::text[]) as u(channel, chat_id, msg_id) using (channel, chat_id, msg_id)";

  private final Pool pool;
  private final int maxRows;
  private final int maxStores;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private int storing;

  /**
   * @param maxRows messages one statement stores at most
   * @param maxStores statements under way at once, each on a connection of its own
   */
  InboxBatches(Pool pool, int maxRows, int maxStores) {
    this.pool = pool;
    this.maxRows = maxRows;
    this.maxStores = maxStores;
  }

  Future<PgInbox.Stored> store(Arrival a) {
    Promise<PgInbox.Stored> promise = Promise.promise();
    List<Waiting> batch;
    synchronized (this) {
      queue.add(new Waiting(a, promise, Vertx.currentContext()));
      batch = next();
    }
    if (batch != null) {
      send(batch);
    }
    return promise.future();
  }

  /** The next batch to send, if a store may start now; the caller sends it. */
  private List<Waiting> next() {
    if (queue.isEmpty() || storing >= maxStores) {
      return null;
    }
    storing++;
    List<Waiting> batch = new ArrayList<>(Math.min(queue.size(), maxRows));
    while (!queue.isEmpty() && batch.size() < maxRows) {
      batch.add(queue.poll());
    }
    return batch;
  }

  private void send(List<Waiting> batch) {
    insert(batch).onComplete(ar -> {
      // answer the callers first: their replies should not wait for the next batch's statement
      if (ar.failed() && batch.size() > 1 && !Unavailability.of(ar.cause())) {
        // one message the database refuses must not take the others with it: each goes alone
        batch.forEach(w -> insert(List.of(w)).onComplete(one -> answer(List.of(w), one.result(), one.cause())));
      } else {
        answer(batch, ar.result(), ar.cause());
      }
      List<Waiting> next;
      synchronized (this) {
        storing--;
        next = next();
      }
      if (next != null) {
        send(next);
      }
    });
  }

  private static void answer(List<Waiting> batch, Map<String, PgInbox.Stored> stored, Throwable failure) {
    Map<String, Boolean> told = new HashMap<>();
    for (Waiting w : batch) {
      if (failure != null) {
        complete(w, Future.failedFuture(failure));
        continue;
      }
      String key = w.arrival().key();
      PgInbox.Stored s = stored.get(key);
      // the same message twice in one batch (a retry racing its original): the first is the fresh one
      boolean first = told.put(key, Boolean.TRUE) == null;
      complete(w, Future.succeededFuture(new PgInbox.Stored(s.id(), s.fresh() && first)));
    }
  }

  private static void complete(Waiting w, Future<PgInbox.Stored> outcome) {
    if (w.context() == null) {
      w.promise().handle(outcome);
    } else {
      w.context().runOnContext(v -> w.promise().handle(outcome));
    }
  }

  /** Stores the batch; every message's row by its key, fresh or there before. */
  private Future<Map<String, PgInbox.Stored>> insert(List<Waiting> batch) {
    Map<String, Arrival> distinct = new LinkedHashMap<>();
    batch.forEach(w -> distinct.putIfAbsent(w.arrival().key(), w.arrival()));
    int n = distinct.size();
    String[] channel = new String[n];
    String[] msgId = new String[n];
    Long[] group = new Long[n];
    String[] chat = new String[n];
    String[] sender = new String[n];
    String[] name = new String[n];
    String[] text = new String[n];
    String[] mentions = new String[n];
    String[] extras = new String[n];
    OffsetDateTime[] sentAt = new OffsetDateTime[n];
    int i = 0;
    for (Arrival a : distinct.values()) {
      channel[i] = a.channel();
      msgId[i] = a.msgId();
      group[i] = a.groupId();
      chat[i] = a.chatId();
      sender[i] = a.sender();
      name[i] = a.senderName();
      text[i] = a.text();
      mentions[i] = new JsonArray(List.copyOf(a.mentions())).encode();
      extras[i] = new JsonObject(Map.copyOf(a.extras())).encode();
      sentAt[i] = a.sentAt();
      i++;
    }
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(channel, msgId, group, chat, sender, name, text, mentions, extras, sentAt))
        .compose(rs -> {
          Map<String, PgInbox.Stored> out = new HashMap<>();
          rs.forEach(r -> out.put(key(r), new PgInbox.Stored(r.getLong("id"), true)));
          List<Arrival> repeats = distinct.values().stream().filter(a -> !out.containsKey(a.key())).toList();
          return repeats.isEmpty() ? Future.succeededFuture(out) : existing(repeats).map(there -> {
            out.putAll(there);
            return out;
          });
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The rows repeats ran into: there before, or committed by a concurrent store meanwhile. */
  private Future<Map<String, PgInbox.Stored>> existing(List<Arrival> repeats) {
    return pool.preparedQuery(EXISTING)
        .execute(Tuple.of(repeats.stream().map(Arrival::channel).toArray(String[]::new),
            repeats.stream().map(Arrival::chatId).toArray(String[]::new),
            repeats.stream().map(Arrival::msgId).toArray(String[]::new)))
        .map(rs -> {
          Map<String, PgInbox.Stored> out = new HashMap<>();
          rs.forEach(r -> out.put(key(r), new PgInbox.Stored(r.getLong("id"), false)));
          if (out.size() < repeats.size()) {
            throw new IllegalStateException("inbox rows neither stored nor found: " + (repeats.size() - out.size()));
          }
          return out;
        });
  }

  private static String key(Row r) {
    return r.getString("channel") + '\u0000' + r.getString("chat_id") + '\u0000' + r.getString("msg_id");
  }
}

package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;
import tuangou.store.OutboxMessage;

/** The outbox: claimed with FOR UPDATE SKIP LOCKED so that several instances never send twice. */
public final class PgOutbox implements tuangou.store.OutboxWriter {
  private static final int MAX_ATTEMPTS = 10;
  private final Pool pool;

  public PgOutbox(Pool pool) {
    this.pool = pool;
  }

  /**
   * What became of one message handed to a channel: delivered (marked sent), or held back by a
   * rate limit and tried again after {@code heldFor}, with no attempt counted.
   */
  public record Sent(java.time.Duration heldFor) {
    public static final Sent SENT = new Sent(null);
    /** Held for a second: the usual wait of a per-minute or per-room rate. */
    public static final Sent HELD = new Sent(java.time.Duration.ofSeconds(1));

    public static Sent held(java.time.Duration wait) {
      return new Sent(wait);
    }

    public boolean held() {
      return heldFor != null;
    }
  }

  /**
   * Claims up to {@code limit} due messages and hands each to {@code send}; a message whose send
   * succeeds is marked sent, a held one waits a second, a failed one is retried later with
   * backoff and failed for good after {@value #MAX_ATTEMPTS} attempts. Returns how many were sent.
   */
  public Future<Integer> drain(int limit, List<String> channels, Function<OutboxMessage, Future<Sent>> send) {
    // only the channels this instance can send: another instance (or a later configuration) sends the rest
    return pool.withTransaction(conn -> conn
            .preparedQuery("select * from outbox where state = 'pending' and next_attempt_at <= now() "
                + "and channel = any($2::text[]) order by id limit $1 for update skip locked")
            .execute(Tuple.tuple().addInteger(limit).addArrayOfString(channels.toArray(String[]::new)))
            .compose(rs -> {
              List<OutboxMessage> due = PgCatalog.all(rs, PgOutbox::message);
              Future<Integer> sent = Future.succeededFuture(0);
              for (OutboxMessage m : due) {
                sent = sent.compose(n -> send.apply(m)
                    .compose(result -> result.held()
                        ? conn.preparedQuery("update outbox set next_attempt_at = now() + interval '1 millisecond' * $2 "
                            + "where id = $1").execute(Tuple.of(m.id(), result.heldFor().toMillis())).map(n)
                        : conn.preparedQuery("update outbox set state = 'sent', sent_at = now(), "
                            + "attempts = attempts + 1 where id = $1").execute(Tuple.of(m.id())).map(n + 1))
                    .recover(t -> conn.preparedQuery("update outbox set attempts = attempts + 1, last_error = $2, "
                            + "state = case when attempts + 1 >= $3 then 'failed' else 'pending' end, "
                            + "next_attempt_at = now() + (interval '1 second' * power(2, least(attempts, 8))) "
                            + "where id = $1")
                        .execute(Tuple.of(m.id(), String.valueOf(t.getMessage()), MAX_ATTEMPTS)).map(n)));
              }
              return sent;
            }))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Delivers due simulator messages into the simulated conversations: the "channel" is a table of
   * the same database, so claiming, delivering and marking sent are one statement and one commit.
   */
  public Future<Integer> deliverToSimulator(int limit, String botName) {
    return pool.preparedQuery("with due as (update outbox set state = 'sent', sent_at = now(), attempts = attempts + 1 "
            + "where id in (select id from outbox where state = 'pending' and channel = 'sim' and next_attempt_at <= now() "
            + "order by id limit $1 for update skip locked) returning id, chat_id, recipient, text) "
            + "insert into sim_message (chat_id, recipient, sender, name, text, from_bot) "
            + "select chat_id, recipient, 'bot', $2, text, true from due order by id")
        .execute(Tuple.of(limit, botName))
        .map(rs -> rs.rowCount())
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Queues drafts on {@code conn} (the caller's transaction); a draft whose dedup key was queued
   * before is skipped. Returns how many were queued.
   */
  public static Future<Integer> enqueue(io.vertx.sqlclient.SqlConnection conn, List<tuangou.store.OutboxDraft> drafts,
      Long inReplyTo) {
    return insert(conn, drafts.stream().map(d -> new Queued(d, inReplyTo)).toList());
  }

  /** A draft and the inbox message it answers, if any. */
  record Queued(tuangou.store.OutboxDraft draft, Long inReplyTo) {}

  /**
   * Queues drafts in one statement, in the order given (their ids follow it, and so does sending);
   * a draft whose dedup key was queued before, in this statement or earlier, is skipped. Returns
   * how many were queued.
   */
  static Future<Integer> insert(io.vertx.sqlclient.SqlConnection conn, List<Queued> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return conn.preparedQuery(queueing(1)).execute(Tuple.from(queued(rows))).map(PgCatalog::rowCount);
  }

  /** The statement of {@link #insert}, its drafts in the seven parameters from {@code $first} on. */
  static String queueing(int first) {
    return "insert into outbox (channel, chat_id, recipient, text, mentions, in_reply_to, dedup_key) "
        + "select channel, chat_id, recipient, text, mentions::jsonb, in_reply_to, dedup_key from unnest($" + first
        + "::text[], $" + (first + 1) + "::text[], $" + (first + 2) + "::text[], $" + (first + 3) + "::text[], $"
        + (first + 4) + "::text[], $" + (first + 5) + "::int8[], $" + (first + 6) + "::text[]) with ordinality "
        + "as u(channel, chat_id, recipient, text, mentions, in_reply_to, dedup_key, ord) order by ord "
        + "on conflict (dedup_key) do nothing";
  }

  /** The seven parameters of {@link #queueing}. */
  static Object[] queued(List<Queued> rows) {
    return new Object[] {rows.stream().map(q -> q.draft().channel()).toArray(String[]::new),
        rows.stream().map(q -> q.draft().chatId()).toArray(String[]::new),
        rows.stream().map(q -> q.draft().recipient()).toArray(String[]::new),
        rows.stream().map(q -> q.draft().text()).toArray(String[]::new),
        rows.stream().map(q -> new io.vertx.core.json.JsonArray(q.draft().mentions()).encode()).toArray(String[]::new),
        rows.stream().map(Queued::inReplyTo).toArray(Long[]::new),
        rows.stream().map(q -> q.draft().dedupKey()).toArray(String[]::new)};
  }

  /** Queues drafts in a transaction of their own. */
  @Override
  public Future<Integer> enqueue(List<tuangou.store.OutboxDraft> drafts) {
    return pool.withTransaction(conn -> enqueue(conn, drafts, null)).recover(t -> PgErrors.translate(t, ""));
  }

  static OutboxMessage message(Row r) {
    return new OutboxMessage(r.getLong("id"), r.getString("channel"), r.getString("chat_id"), r.getString("recipient"),
        r.getString("text"), r.getJsonArray("mentions").stream().map(String::valueOf).toList(),
        r.getLong("in_reply_to"), r.getInteger("attempts"));
  }
}

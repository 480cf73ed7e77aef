package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tuangou.store.InboxMessage;
import tuangou.store.StoredLine;

/**
 * Everything the pipeline reads and writes for one group inside one transaction, which holds the
 * group's advisory lock: one group's messages are applied one at a time, in arrival order, even
 * across several instances.
 */
public final class PgGroupTransaction {
  private final SqlConnection conn;
  private final long groupId;
  private final DeferredWrites deferred;

  /** The transaction's connection, for the store's own tests. */
  SqlConnection connection() {
    return conn;
  }

  PgGroupTransaction(SqlConnection conn, long groupId, DeferredWrites deferred) {
    this.conn = conn;
    this.groupId = groupId;
    this.deferred = deferred;
  }

  public long groupId() {
    return groupId;
  }

  /** The group's unprocessed messages, oldest first, with the count of writes to its book raised. */
  public Future<List<InboxMessage>> pending(int limit) {
    return pendingAndBook(limit).map(Pending::messages);
  }

  /**
   * The group's unprocessed messages, oldest first, read with what else the transaction needs of the
   * group: the count of writes to its order book that the messages follow, which this read raises for
   * every transaction that processes messages of the group (a book kept from before is current only
   * at the count it was written with); and whether questions asked of its residents may be open.
   *
   * @param bookVersion the count before this transaction; 0 when nothing is pending
   * @param writtenVersion the count this transaction leaves when it commits
   * @param asking whether the group had open questions (other than after-sales) when read
   */
  public record Pending(List<InboxMessage> messages, long bookVersion, long writtenVersion, boolean asking) {
    public static final Pending NONE = new Pending(List.of(), 0, 0, false);
  }

  public Future<Pending> pendingAndBook(int limit) {
    return PgGroupsTransaction.pendingAndBooks(conn, List.of(groupId), limit)
        .map(by -> by.getOrDefault(groupId, Pending.NONE));
  }

  /**
   * The message id said in the group just before inbox row {@code inboxId}, or empty for the first.
   * Ordered by arrival through the group's received_at index: the rows read are the newest few.
   */
  public Future<String> previousMessage(long inboxId) {
    return conn.preparedQuery("select msg_id from inbox where group_id = $1 and id < $2 "
            + "order by received_at desc, id desc limit 1")
        .execute(Tuple.of(groupId, inboxId))
        .map(rs -> rs.iterator().hasNext() ? rs.iterator().next().getString("msg_id") : "");
  }

  /** Chain states by chain id, as JSON the interpreter wrote. */
  public Future<Map<String, JsonObject>> chains(long campaignId) {
    return conn.preparedQuery("select chain_id, state from chain_state where group_id = $1 and campaign_id = $2 "
            + "order by updated_at, chain_id")
        .execute(Tuple.of(groupId, campaignId))
        .map(rs -> {
          Map<String, JsonObject> out = new LinkedHashMap<>();
          rs.forEach(r -> out.put(r.getString("chain_id"), r.getJsonObject("state")));
          return out;
        });
  }

  public Future<Void> saveChain(long campaignId, String chainId, JsonObject state) {
    return conn.preparedQuery("insert into chain_state (group_id, campaign_id, chain_id, state) values ($1, $2, $3, $4) "
            + "on conflict (group_id, campaign_id, chain_id) do update set state = excluded.state, updated_at = now()")
        .execute(Tuple.of(groupId, campaignId, chainId, state)).mapEmpty();
  }

  /** Active lines of the group in the campaign, oldest first. */
  public Future<List<StoredLine>> activeLines(long campaignId) {
    return conn.preparedQuery("select * from order_line where group_id = $1 and campaign_id = $2 and status = 'active' "
            + "order by id")
        .execute(Tuple.of(groupId, campaignId))
        .map(rs -> PgCatalog.all(rs, r -> new StoredLine(r.getString("line_key"), r.getString("origin"),
            r.getString("customer"), r.getString("label"), r.getString("product_id"), r.getBigDecimal("qty"),
            r.getString("note"), r.getString("source_msg"))));
  }

  /** Each write below records the line's history in the same statement: one round trip per change. */
  public Future<Void> addLine(long campaignId, StoredLine l) {
    return conn.preparedQuery("with line as (insert into order_line (campaign_id, group_id, line_key, origin, customer, "
            + "label, product_id, qty, note, source_msg) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id) "
            + "insert into order_line_history (order_line_id, change, qty, note, source_msg) "
            + "select id, 'add', $8, $9, $10 from line")
        .execute(Tuple.from(new Object[] {campaignId, groupId, l.key(), l.origin(), l.customer(), l.label(),
            l.productId(), l.qty(), l.note(), l.sourceMsg()}))
        .map(rs -> expectOne(rs, l.key()));
  }

  public Future<Void> updateLine(long campaignId, String key, BigDecimal qty, String note, String sourceMsg) {
    return conn.preparedQuery("with line as (update order_line set qty = $4, note = $5, source_msg = $6, updated_at = now() "
            + "where campaign_id = $1 and group_id = $2 and line_key = $3 and status = 'active' returning id) "
            + "insert into order_line_history (order_line_id, change, qty, note, source_msg) "
            + "select id, 'update', $4, $5, $6 from line")
        .execute(Tuple.from(new Object[] {campaignId, groupId, key, qty, note, sourceMsg}))
        .map(rs -> expectOne(rs, key));
  }

  public Future<Void> cancelLine(long campaignId, String key, String sourceMsg) {
    return conn.preparedQuery("with line as (update order_line set status = 'cancelled', source_msg = $4, "
            + "updated_at = now() where campaign_id = $1 and group_id = $2 and line_key = $3 and status = 'active' "
            + "returning id) insert into order_line_history (order_line_id, change, source_msg) "
            + "select id, 'cancel', $4 from line")
        .execute(Tuple.of(campaignId, groupId, key, sourceMsg))
        .map(rs -> expectOne(rs, key));
  }

  /**
   * A resident's own lines take their better label: one resident, one label (the lines' history is
   * unchanged). Every line must be active.
   */
  public Future<Void> relabelLines(long campaignId, List<String> keys, String label) {
    return conn.preparedQuery("update order_line set label = $4, updated_at = now() "
            + "where campaign_id = $1 and group_id = $2 and line_key = any($3) and status = 'active'")
        .execute(Tuple.of(campaignId, groupId, keys.toArray(String[]::new), label))
        .map(rs -> {
          if (rs.rowCount() != keys.size()) {
            throw new IllegalStateException("not every order line of " + keys + " is active");
          }
          return null;
        });
  }

  private static Void expectOne(io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> rs, String key) {
    if (rs.rowCount() != 1) {
      throw new IllegalStateException("no active order line " + key);
    }
    return null;
  }

  /**
   * A stored open question: which mention, for whom, and the choices offered.
   *
   * @param kind the engine's reason, by its enum name
   * @param reason the replay contract's wording of it
   */
  public record OpenQuestion(long id, String origin, String customer, String sourceMsg, String text, String kind,
      String reason, List<String> choices) {}

  /**
   * The open questions asked of {@code customer} in the campaign, oldest first: only their own can a
   * resident's message answer, and a busy group may have thousands open for the leader.
   */
  public Future<List<OpenQuestion>> openQuestions(long campaignId, String customer) {
    return conn.preparedQuery("select * from unresolved_mention where group_id = $1 and customer = $3 and open "
            + "and campaign_id = $2 and kind <> 'AFTER_SALES' order by id")
        .execute(Tuple.of(groupId, campaignId, customer))
        .map(rs -> PgCatalog.all(rs, r -> new OpenQuestion(r.getLong("id"), r.getString("origin"),
            r.getString("customer"), r.getString("source_msg"), r.getString("text"), r.getString("kind"), r.getString("reason"),
            r.getJsonArray("choices").stream().map(String::valueOf).toList())));
  }

  public Future<Void> openQuestion(long campaignId, String origin, String customer, String sourceMsg, String text,
      String kind, String reason, List<String> choices) {
    return conn.preparedQuery("insert into unresolved_mention (campaign_id, group_id, origin, customer, source_msg, "
            + "text, kind, reason, choices) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .execute(Tuple.from(new Object[] {campaignId, groupId, origin, customer, sourceMsg, text, kind, reason,
            new JsonArray(List.copyOf(choices))}))
        .mapEmpty();
  }

  /** Settles the questions of entries or messages that were changed or removed since. */
  public Future<Void> closeQuestions(long campaignId, List<String> origins) {
    if (origins.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("update unresolved_mention set open = false, closed_at = now(), resolution = 'changed' "
            + "where group_id = $1 and campaign_id = $2 and open and kind <> 'AFTER_SALES' and origin = any($3)")
        .execute(Tuple.of(groupId, campaignId, origins.toArray(String[]::new))).mapEmpty();
  }

  /** Settles a question the resident answered. */
  public Future<Void> closeQuestion(long id) {
    return conn.preparedQuery("update unresolved_mention set open = false, closed_at = now(), resolution = 'answered', "
            + "resolved_by = customer where id = $1")
        .execute(Tuple.of(id)).mapEmpty();
  }

  /**
   * Lets {@code write}, already sent, go on while the transaction reads and writes further: it is
   * awaited before the transaction commits, and its failure rolls the transaction back then.
   * Statements on the connection run in the order sent, so everything after it sees what it wrote.
   */
  public void meanwhile(Future<Void> write) {
    deferred.inFlight(write);
  }

  /**
   * Raises the count of writes to the group's order book, for a writer outside the message pipeline
   * (which raises it when it reads the pending messages): a book an instance kept from before is then
   * read again rather than used without this transaction's lines.
   */
  public Future<Void> bookWrittenElsewhere() {
    return conn.preparedQuery("update chat_group set book_version = book_version + 1 where id = $1")
        .execute(Tuple.of(groupId)).mapEmpty();
  }

  /** Cutoff, arrival and pickups of the group's campaigns, written in this transaction. */
  public PgPickups pickups() {
    return new PgPickups(conn);
  }

  /**
   * The outbox, written at the end of this transaction, after and in order with its replies: its
   * drafts are sent only if it commits. The count is of the drafts handed over; one whose dedup key
   * was queued before is skipped when they are written.
   */
  public tuangou.store.OutboxWriter outbox() {
    return drafts -> {
      drafts.forEach(d -> deferred.send(d, null));
      return Future.succeededFuture(drafts.size());
    };
  }

  /** The leader's review queue, read and written in this transaction. */
  public PgReview review() {
    return new PgReview(conn);
  }

  /** Keeps a resident's after-sales message for the leader's review ({@code campaignId} null: none runs). */
  public Future<Void> recordAfterSales(Long campaignId, String customer, String sourceMsg, String text) {
    return new PgReview(conn).afterSales(campaignId, groupId, customer, sourceMsg, text);
  }

  /** Plans scheduled jobs in this transaction. */
  public Future<Void> plan(List<PgJobs.Plan> plans) {
    return PgJobs.plan(conn, plans);
  }

  /** Queues a reply or push, sent after this transaction commits; written at its end, in order with the others. */
  public Future<Void> enqueue(String channel, String chatId, String recipient, String text, List<String> mentions,
      Long inReplyTo) {
    deferred.send(new tuangou.store.OutboxDraft(channel, chatId, recipient, text, mentions, null), inReplyTo);
    return Future.succeededFuture();
  }

  /**
   * Records who a sender is on a channel: their latest display name, and the label their orders
   * carry when one is known (an empty label leaves the stored one).
   */
  public Future<Void> touchResident(String channel, String userId, String displayName, String label) {
    deferred.touch(channel, userId, displayName, label);
    return Future.succeededFuture();
  }

  /** Marks the message processed; the mark is written with the others of the transaction, at its end. */
  public Future<Void> markDone(long inboxId) {
    deferred.done(inboxId);
    return Future.succeededFuture();
  }

  /** Sets a message aside that could not be processed, so that the group's later messages go on. */
  public Future<Void> markFailed(long inboxId, String error) {
    return conn.preparedQuery("update inbox set state = 'failed', processed_at = now(), attempts = attempts + 1, "
            + "error = $2 where id = $1")
        .execute(Tuple.of(inboxId, error)).mapEmpty();
  }

  /**
   * Sends {@code steps} at once, in order, without waiting between them: one connection runs its
   * statements in the order sent, and the first failure aborts the transaction, so this is as safe
   * as one after another and costs one round trip instead of one each.
   */
  public static Future<Void> sequence(List<java.util.function.Supplier<Future<Void>>> steps) {
    List<Future<Void>> sent = new ArrayList<>();
    for (var step : steps) {
      sent.add(step.get());
    }
    return Future.all(sent).mapEmpty();
  }
}

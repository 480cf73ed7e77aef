package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxDraft;

/**
 * What a campaign's goods come to after cutoff: its lines with who ordered them and what each gets
 * after a shortage, what arrived of each item (receipts), and the shortage refunds and notices that
 * a receipt short of the orders writes. Each read is one query however many groups and residents.
 */
public final class PgFulfilment {
  private static final String LINES = "select l.id, l.group_id, l.customer, l.label, "
      + "coalesce(r.display_name, '') as display_name, l.product_id, l.qty, l.note, l.created_at, "
      + "coalesce(s.qty, 0) as short_qty, coalesce(s.amount_fen, 0) as refund_fen "
      + "from order_line l join chat_group g on g.id = l.group_id "
      + "left join resident r on r.channel = g.channel and r.user_id = l.customer "
      + "left join (select order_line_id, sum(qty) as qty, sum(amount_fen)::bigint as amount_fen from refund "
      + "where campaign_id = $1 and kind = 'shortage' group by order_line_id) s on s.order_line_id = l.id "
      + "where l.campaign_id = $1 and l.status = 'active' and ($2::bigint is null or l.group_id = $2) "
      + "and ($3::text is null or l.product_id = $3) order by l.created_at, l.id";

  private final Pool pool;

  public PgFulfilment(Pool pool) {
    this.pool = pool;
  }

  /**
   * An active order line with the resident's display name, and the shortage refunded on it so far.
   *
   * @param shortQty the part of {@code qty} that did not arrive (shortage refunds), 0 without one
   * @param refundFen what those refunds come to
   */
  public record Line(long id, long groupId, String customer, String label, String displayName, String productId,
      BigDecimal qty, String note, OffsetDateTime createdAt, BigDecimal shortQty, long refundFen) {

    /** What the resident gets: the quantity ordered less the shortfall, never below zero. */
    public BigDecimal allocatedQty() {
      return qty.subtract(shortQty).max(BigDecimal.ZERO);
    }
  }

  /** A shortage refund of one order line. */
  public record Refund(long orderLineId, long groupId, String customer, BigDecimal qty, long amountFen) {}

  /** A message to queue at most once: a second notice with the same {@code dedupKey} is dropped. */
  public record Notice(OutboxDraft draft, String dedupKey) {}

  /** The shortage refunds that replace an item's previous ones, and the notices to queue. */
  public record ShortagePlan(List<Refund> refunds, List<Notice> notices) {
    public ShortagePlan {
      refunds = List.copyOf(refunds);
      notices = List.copyOf(notices);
    }
  }

  /** A recorded receipt: the item's lines the plan was made from, the plan, and how many notices were new. */
  public record Recorded(List<Line> lines, ShortagePlan plan, int noticesQueued) {}

  /** Active lines of a campaign, first ordered first; {@code groupId} null for every group. */
  public Future<List<Line>> lines(long campaignId, Long groupId) {
    return pool.preparedQuery(LINES).execute(Tuple.of(campaignId, groupId, null))
        .map(rs -> PgCatalog.all(rs, PgFulfilment::line))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The campaign's groups, and any other group holding lines of it, by id. */
  public Future<List<ChatGroup>> groups(long campaignId) {
    return pool.preparedQuery("select g.* from chat_group g where g.id in (select group_id from campaign_group "
            + "where campaign_id = $1 union select group_id from order_line where campaign_id = $1 and status = 'active') "
            + "order by g.id")
        .execute(Tuple.of(campaignId))
        .map(rs -> PgCatalog.all(rs, PgCatalog::group))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** What arrived of each item that has a receipt, by product id. */
  public Future<Map<String, BigDecimal>> receipts(long campaignId) {
    return pool.preparedQuery("select product_id, received_qty from receipt where campaign_id = $1")
        .execute(Tuple.of(campaignId))
        .map(rs -> {
          Map<String, BigDecimal> out = new HashMap<>();
          rs.forEach(r -> out.put(r.getString("product_id"), r.getBigDecimal("received_qty")));
          return out;
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Records what arrived of an item and, in the same transaction, replaces the item's shortage
   * refunds with those {@code plan} makes from its active lines, and queues the plan's notices. The
   * receipt row is written first, so a second receipt of the same item waits for this one to commit
   * and plans from what it wrote.
   */
  public Future<Recorded> recordReceipt(long campaignId, String productId, BigDecimal receivedQty, String reason,
      Function<List<Line>, ShortagePlan> plan) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("insert into receipt (campaign_id, product_id, received_qty) values ($1, $2, $3) "
                + "on conflict (campaign_id, product_id) do update set received_qty = excluded.received_qty, "
                + "recorded_at = now()")
            .execute(Tuple.of(campaignId, productId, receivedQty))
            .compose(v -> conn.preparedQuery(LINES).execute(Tuple.of(campaignId, null, productId)))
            .map(rs -> PgCatalog.all(rs, PgFulfilment::line))
            .compose(lines -> {
              ShortagePlan made = plan.apply(lines);
              return replaceShortage(conn, campaignId, productId, reason, made.refunds())
                  .compose(v -> queue(conn, made.notices()))
                  .map(queued -> new Recorded(lines, made, queued));
            }))
        .recover(t -> PgErrors.translate(t, "product " + productId + " or a line of it does not exist"));
  }

  /**
   * Puts the planned shortage refunds in place of the item's current ones. Refunds are facts the
   * commission ledger books by id: the same plan again keeps the rows as they are, and a different
   * plan may replace them only while none of them is booked (after that, a correction is an
   * after-sales refund or an adjustment, never a rewrite).
   */
  private static Future<Void> replaceShortage(SqlConnection conn, long campaignId, String productId, String reason,
      List<Refund> planned) {
    return conn.preparedQuery("select f.order_line_id, f.qty, f.amount_fen, exists (select 1 from ledger_entry e "
            + "where e.source = 'refund:' || f.id) as booked from refund f where f.campaign_id = $1 "
            + "and f.product_id = $2 and f.kind = 'shortage' order by f.order_line_id")
        .execute(Tuple.of(campaignId, productId))
        .compose(rs -> {
          java.util.Set<String> current = new java.util.HashSet<>();
          boolean booked = false;
          for (Row r : rs) {
            current.add(r.getLong("order_line_id") + "/" + r.getBigDecimal("qty").stripTrailingZeros().toPlainString()
                + "/" + r.getLong("amount_fen"));
            booked |= r.getBoolean("booked");
          }
          java.util.Set<String> next = new java.util.HashSet<>();
          planned.forEach(p -> next.add(p.orderLineId() + "/" + p.qty().stripTrailingZeros().toPlainString() + "/"
              + p.amountFen()));
          if (current.equals(next)) {
            return Future.<Void>succeededFuture();
          }
          if (booked) {
            return Future.failedFuture(new tuangou.store.ConflictException("the shortage refunds of " + productId
                + " are already settled in leaders' commission; record a correction as an after-sales refund or an "
                + "adjustment"));
          }
          return conn.preparedQuery("delete from refund where campaign_id = $1 and product_id = $2 and kind = 'shortage'")
              .execute(Tuple.of(campaignId, productId))
              .compose(v -> insertRefunds(conn, campaignId, productId, reason, planned));
        });
  }

  private static Future<Void> insertRefunds(SqlConnection conn, long campaignId, String productId, String reason,
      List<Refund> refunds) {
    if (refunds.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = refunds.stream().map(r -> Tuple.from(new Object[] {campaignId, r.groupId(), r.customer(),
        productId, r.qty(), r.amountFen(), reason, r.orderLineId()})).toList();
    return conn.preparedQuery("insert into refund (campaign_id, group_id, customer, product_id, qty, amount_fen, "
            + "reason, kind, order_line_id) values ($1, $2, $3, $4, $5, $6, $7, 'shortage', $8)")
        .executeBatch(rows).mapEmpty();
  }

  /** Queues the notices whose key is new; answers how many were. */
  private static Future<Integer> queue(SqlConnection conn, List<Notice> notices) {
    return PgOutbox.enqueue(conn, notices.stream().map(n -> n.draft().withDedupKey(n.dedupKey())).toList(), null);
  }

  static Line line(Row r) {
    return new Line(r.getLong("id"), r.getLong("group_id"), r.getString("customer"), r.getString("label"),
        r.getString("display_name"), r.getString("product_id"), r.getBigDecimal("qty"), r.getString("note"),
        r.getOffsetDateTime("created_at"), r.getBigDecimal("short_qty"), r.getLong("refund_fen"));
  }
}

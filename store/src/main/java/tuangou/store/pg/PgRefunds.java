package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tuangou.store.ConflictException;

/** After-sales refunds: never more than was ordered, amounts in fen at the campaign's price, half-up. */
public final class PgRefunds {
  private final Pool pool;

  public PgRefunds(Pool pool) {
    this.pool = pool;
  }

  /** A recorded refund; {@code customerName} is how the chat knows the customer ("" if unknown). */
  public record Refund(long id, long campaignId, long groupId, String customer, String customerName, String productId,
      BigDecimal qty, long amountFen, String reason) {}

  /**
   * Records a refund of {@code qty} of the customer's order of the product, and queues the
   * {@code notices} made of it in the same transaction. The quantity is taken from the customer's
   * lines oldest first, one refund row per line, so the commission ledger reverses exactly the lines
   * refunded; each row's amount is the line's refunded total so far at the price, rounded half-up,
   * less what was refunded on it before, so a line refunded in parts never returns more than it paid.
   * Fails with a conflict when the customer ordered none of it, or when it would refund more than
   * they ordered.
   */
  public Future<Refund> afterSales(long campaignId, long groupId, String customer, String productId, BigDecimal qty,
      String reason, java.util.function.Function<Refund, java.util.List<tuangou.store.OutboxDraft>> notices) {
    return pool.withTransaction(conn -> conn
            // the customer's lines of the product, locked so two refunds at once cannot both pass the check
            .preparedQuery("select l.id, l.qty, ci.price_fen, coalesce((select sum(f.qty) from refund f "
                + "where f.order_line_id = l.id), 0) as refunded_qty, coalesce((select sum(f.amount_fen) from refund f "
                + "where f.order_line_id = l.id), 0) as refunded_fen from order_line l join campaign_item ci "
                + "on ci.campaign_id = l.campaign_id and ci.product_id = l.product_id where l.campaign_id = $1 "
                + "and l.group_id = $2 and l.customer = $3 and l.product_id = $4 and l.status = 'active' "
                + "order by l.id for update of l")
            .execute(Tuple.of(campaignId, groupId, customer, productId))
            .compose(rs -> {
              if (rs.size() == 0) {
                return Future.failedFuture(new ConflictException(customer + " has no order of " + productId
                    + " in this group of campaign " + campaignId));
              }
              // refunds made before lines were tracked per line count against the customer as a whole
              return conn.preparedQuery("select coalesce(sum(qty), 0) from refund where campaign_id = $1 "
                      + "and group_id = $2 and customer = $3 and product_id = $4 and order_line_id is null")
                  .execute(Tuple.of(campaignId, groupId, customer, productId))
                  .compose(loose -> split(conn, rs, loose.iterator().next().getBigDecimal(0), qty))
                  .compose(parts -> insert(conn, campaignId, groupId, customer, productId, reason, parts));
            })
            .compose(r -> PgOutbox.enqueue(conn, notices.apply(r), null).map(r))
            // a refund settles the resident's after-sales messages waiting in the leader's review queue
            .compose(r -> conn.preparedQuery("update unresolved_mention set open = false, closed_at = now(), "
                    + "resolution = 'refunded', resolved_by = 'admin' where group_id = $1 and customer = $2 and open "
                    + "and kind = 'AFTER_SALES'")
                .execute(Tuple.of(groupId, customer)).map(r)))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** One line's share of a refund: its quantity and amount. */
  private record Part(long lineId, BigDecimal qty, long amountFen) {}

  private static Future<java.util.List<Part>> split(io.vertx.sqlclient.SqlConnection conn,
      io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> lines, BigDecimal loose, BigDecimal qty) {
    BigDecimal ordered = BigDecimal.ZERO;
    BigDecimal refunded = loose;
    for (var r : lines) {
      ordered = ordered.add(r.getBigDecimal("qty"));
      refunded = refunded.add(r.getBigDecimal("refunded_qty"));
    }
    if (refunded.add(qty).compareTo(ordered) > 0) {
      return Future.failedFuture(new ConflictException("refunding " + qty.stripTrailingZeros().toPlainString()
          + " more would exceed the " + ordered.stripTrailingZeros().toPlainString() + " ordered ("
          + refunded.stripTrailingZeros().toPlainString() + " refunded already)"));
    }
    java.util.List<Part> parts = new java.util.ArrayList<>();
    BigDecimal left = qty;
    BigDecimal skip = loose; // older refunds with no line: taken as refunding the oldest lines first
    for (var r : lines) {
      BigDecimal room = r.getBigDecimal("qty").subtract(r.getBigDecimal("refunded_qty"));
      BigDecimal skipped = skip.min(room);
      room = room.subtract(skipped);
      skip = skip.subtract(skipped);
      BigDecimal take = left.min(room);
      if (take.signum() > 0) {
        long price = r.getLong("price_fen");
        BigDecimal before = r.getBigDecimal("refunded_qty");
        long amount = fen(before.add(take), price) - fen(before, price);
        parts.add(new Part(r.getLong("id"), take, amount));
        left = left.subtract(take);
      }
    }
    return Future.succeededFuture(parts);
  }

  private static long fen(BigDecimal qty, long priceFen) {
    return qty.multiply(BigDecimal.valueOf(priceFen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static Future<Refund> insert(io.vertx.sqlclient.SqlConnection conn, long campaignId, long groupId,
      String customer, String productId, String reason, java.util.List<Part> parts) {
    return conn.preparedQuery("insert into refund (campaign_id, group_id, customer, product_id, qty, amount_fen, reason, "
            + "kind, order_line_id) values ($1, $2, $3, $4, $5, $6, $7, 'after_sales', $8) returning id")
        .executeBatch(parts.stream().map(p -> Tuple.from(new Object[] {campaignId, groupId, customer, productId, p.qty(),
            p.amountFen(), reason, p.lineId()})).toList())
        .compose(rs -> conn.preparedQuery("select display_name from resident r join chat_group g on g.channel = r.channel "
                + "where g.id = $1 and r.user_id = $2").execute(Tuple.of(groupId, customer))
            .map(names -> {
              String name = names.size() == 0 ? "" : names.iterator().next().getString("display_name");
              long first = rs.iterator().next().getLong("id");
              BigDecimal qty = parts.stream().map(Part::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
              long amount = parts.stream().mapToLong(Part::amountFen).sum();
              return new Refund(first, campaignId, groupId, customer, name, productId, qty, amount, reason);
            }));
  }
}

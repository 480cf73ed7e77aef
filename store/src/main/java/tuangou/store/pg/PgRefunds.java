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
   * {@code notices} made of it in the same transaction. Fails with a conflict
   * when the customer ordered none of it, or when it would refund more than they ordered.
   */
  public Future<Refund> afterSales(long campaignId, long groupId, String customer, String productId, BigDecimal qty,
      String reason, java.util.function.Function<Refund, java.util.List<tuangou.store.OutboxDraft>> notices) {
    return pool.withTransaction(conn -> conn
            // the customer's lines of the product, locked so two refunds at once cannot both pass the check
            .preparedQuery("select coalesce(sum(l.qty), 0) as ordered, (select price_fen from campaign_item "
                + "where campaign_id = $1 and product_id = $4) as price from (select qty from order_line "
                + "where campaign_id = $1 and group_id = $2 and customer = $3 and product_id = $4 and status = 'active' "
                + "for update) l")
            .execute(Tuple.of(campaignId, groupId, customer, productId))
            .compose(rs -> {
              var row = rs.iterator().next();
              BigDecimal ordered = row.getBigDecimal("ordered");
              Long price = row.getLong("price");
              if (price == null || ordered.signum() == 0) {
                return Future.failedFuture(new ConflictException(customer + " has no order of " + productId
                    + " in this group of campaign " + campaignId));
              }
              return conn.preparedQuery("select coalesce(sum(qty), 0) from refund where campaign_id = $1 and group_id = $2 "
                      + "and customer = $3 and product_id = $4")
                  .execute(Tuple.of(campaignId, groupId, customer, productId))
                  .compose(done -> {
                    BigDecimal refunded = done.iterator().next().getBigDecimal(0);
                    if (refunded.add(qty).compareTo(ordered) > 0) {
                      return Future.failedFuture(new ConflictException("refunding " + qty.stripTrailingZeros().toPlainString()
                          + " more would exceed the " + ordered.stripTrailingZeros().toPlainString() + " ordered ("
                          + refunded.stripTrailingZeros().toPlainString() + " refunded already)"));
                    }
                    long amount = qty.multiply(BigDecimal.valueOf(price)).setScale(0, RoundingMode.HALF_UP).longValueExact();
                    return conn.preparedQuery("insert into refund (campaign_id, group_id, customer, product_id, qty, "
                            + "amount_fen, reason, kind) values ($1, $2, $3, $4, $5, $6, $7, 'after_sales') returning id, "
                            + "(select r.display_name from resident r join chat_group g on g.channel = r.channel "
                            + "where g.id = $2 and r.user_id = $3) as name")
                        .execute(Tuple.of(campaignId, groupId, customer, productId, qty, amount, reason))
                        .map(ins -> {
                          var added = ins.iterator().next();
                          String name = added.getString("name");
                          return new Refund(added.getLong("id"), campaignId, groupId, customer, name == null ? "" : name,
                              productId, qty, amount, reason);
                        })
                        // told in the same transaction: a refund is never recorded without its notices
                        .compose(r -> PgOutbox.enqueue(conn, notices.apply(r), null).map(r));
                  });
            }))
        .recover(t -> PgErrors.translate(t, ""));
  }
}

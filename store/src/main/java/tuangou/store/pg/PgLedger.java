package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import tuangou.settlement.EntryKind;
import tuangou.settlement.StatementTotals;
import tuangou.store.CampaignWindows;

/**
 * The commission ledger and the facts a settlement run books: lines (with their leader, price,
 * rates, cutoff and pickup), refunds, adjustments and payouts not booked yet. Knows rows, not rules.
 */
public final class PgLedger {
  private final Pool pool;

  public PgLedger(Pool pool) {
    this.pool = pool;
  }

  /** An order line not yet accrued, with what its commission depends on. */
  public record LineFact(long lineId, long leaderId, BigDecimal qty, long priceFen, int leaderBp, Integer productBp,
      Integer itemBp, OffsetDateTime cutoffAt, OffsetDateTime pickedAt) {}

  /** A refund not yet reversed, on the line it refunds. */
  public record RefundFact(long refundId, long lineId, long amountFen, OffsetDateTime at) {}

  /** An adjustment or payout not yet booked. */
  public record MoneyFact(long id, long leaderId, long amountFen, String reason, OffsetDateTime at) {}

  /** A booked entry. */
  public record Entry(long leaderId, EntryKind kind, String source, long amountFen, Long lineId, Long baseFen,
      Integer rateBp, String reason, OffsetDateTime bookedAt) {}

  /**
   * Runs {@code work} as one settlement run: in one transaction on one connection, committed when
   * its future succeeds, so a run books all of its entries or none of them.
   */
  public <T> Future<T> run(java.util.function.Function<PgSettlementRun, Future<T>> work) {
    return pool.withTransaction(conn -> work.apply(new PgSettlementRun(conn)))
        // the rules' own refusals (a ledger that contradicts itself) are not the database's
        .recover(t -> t instanceof IllegalArgumentException ? Future.failedFuture(t) : PgErrors.translate(t, ""));
  }

  /** A leader's entries booked before {@code to} (all of them: the opening balance needs the past). */
  public Future<List<Entry>> entriesOf(long leaderId, OffsetDateTime to) {
    return pool.preparedQuery("select * from ledger_entry where leader_id = $1 and booked_at < $2 order by booked_at, id")
        .execute(Tuple.of(leaderId, to))
        .map(rs -> PgCatalog.all(rs, PgLedger::entry))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Records an adjustment; with a {@code requestId} seen before, answers the id recorded then. */
  public Future<Long> adjust(long leaderId, long amountFen, String reason, String requestId, OffsetDateTime at) {
    return once("commission_adjustment", "insert into commission_adjustment (leader_id, amount_fen, reason, request_id, "
        + "created_at) values ($1, $2, $3, $4, $5) on conflict (request_id) do nothing returning id",
        Tuple.of(leaderId, amountFen, reason, requestId, at), requestId, leaderId);
  }

  /** Records a payout; with a {@code requestId} seen before, answers the id recorded then. */
  public Future<Long> pay(long leaderId, long amountFen, String note, String requestId, OffsetDateTime at) {
    return once("payout", "insert into payout (leader_id, amount_fen, note, request_id, created_at) "
        + "values ($1, $2, $3, $4, $5) on conflict (request_id) do nothing returning id",
        Tuple.of(leaderId, amountFen, note, requestId, at), requestId, leaderId);
  }

  private Future<Long> once(String table, String insert, Tuple args, String requestId, long leaderId) {
    return pool.preparedQuery(insert).execute(args)
        .compose(rs -> rs.size() > 0 ? Future.succeededFuture(rs.iterator().next().getLong("id"))
            : pool.preparedQuery("select id from " + table + " where request_id = $1").execute(Tuple.of(requestId))
                .map(again -> again.iterator().next().getLong("id")))
        .recover(t -> PgErrors.translate(t, "leader " + leaderId + " does not exist"));
  }

  /** Sets or clears (null) a product's own commission rate; false when there is no such product. */
  public Future<Boolean> setProductRate(String productId, Integer bp) {
    return pool.preparedQuery("update product set commission_bp = $2, updated_at = now() where id = $1")
        .execute(Tuple.of(productId, bp)).map(rs -> rs.rowCount() == 1)
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Sets or clears (null) a campaign item's commission rate; false when there is no such item. */
  public Future<Boolean> setItemRate(long campaignId, int no, Integer bp) {
    return pool.preparedQuery("update campaign_item set commission_bp = $3 where campaign_id = $1 and no = $2")
        .execute(Tuple.of(campaignId, no, bp)).map(rs -> rs.rowCount() == 1)
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * A leader's figures for a day and the month so far, and where to tell them in private:
   * {@code channel}/{@code recipient} are null when the leader has no private address yet.
   */
  public record Figures(long leaderId, String name, String channel, String recipient, long orders, long salesFen,
      long picked, long unpicked, long refundsFen, long commissionFen, long monthCommissionFen, long balanceFen) {}

  /**
   * The figures of one leader ({@code leaderId}) or all ({@code null}) for [dayStart, dayEnd), the
   * month from {@code monthStart}; one statement for every leader, so an evening run is one query.
   */
  public Future<List<Figures>> figures(Long leaderId, OffsetDateTime dayStart, OffsetDateTime dayEnd,
      OffsetDateTime monthStart) {
    return pool.preparedQuery("with l as (select * from leader where $1::bigint is null or id = $1), "
            + "g as (select g.* from chat_group g join l on l.id = g.leader_id) "
            + "select l.id, l.name, "
            + "case when l.wecom_user_id is not null then 'wecom' else (select g.channel from g where g.leader_id = l.id "
            + "and g.leader_user <> '' and g.dismissed_at is null order by g.id limit 1) end as channel, "
            + "coalesce(l.wecom_user_id, (select g.leader_user from g where g.leader_id = l.id and g.leader_user <> '' "
            + "and g.dismissed_at is null order by g.id limit 1)) as recipient, "
            + "(select count(*) from order_line o join g on g.id = o.group_id where g.leader_id = l.id "
            + "and o.status = 'active' and o.created_at >= $2 and o.created_at < $3) as orders, "
            + "(select coalesce(sum(round(o.qty * ci.price_fen)), 0) from order_line o join g on g.id = o.group_id "
            + "join campaign_item ci on ci.campaign_id = o.campaign_id and ci.product_id = o.product_id "
            + "where g.leader_id = l.id and o.status = 'active' and o.created_at >= $2 and o.created_at < $3) as sales, "
            + "(select count(*) from pickup p join g on g.id = p.group_id where g.leader_id = l.id "
            + "and p.picked_at >= $2 and p.picked_at < $3) as picked, "
            // waiting to be collected: codes of the pickup window not picked up
            + "(select count(*) from pickup p join g on g.id = p.group_id where g.leader_id = l.id "
            + "and p.picked_at is null and p.created_at >= $3::timestamptz - " + CampaignWindows.PICKUP_SQL + ") as unpicked, "
            + "(select coalesce(sum(f.amount_fen), 0) from refund f join g on g.id = f.group_id where g.leader_id = l.id "
            + "and f.created_at >= $2 and f.created_at < $3) as refunds, "
            + "(select coalesce(sum(e.amount_fen), 0) from ledger_entry e where e.leader_id = l.id "
            + "and e.kind in ('accrual', 'reversal') and e.booked_at >= $2 and e.booked_at < $3) as commission, "
            + "(select coalesce(sum(e.amount_fen), 0) from ledger_entry e where e.leader_id = l.id "
            + "and e.kind in ('accrual', 'reversal') and e.booked_at >= $4 and e.booked_at < $3) as month_commission, "
            + "(select coalesce(sum(e.amount_fen), 0) from ledger_entry e where e.leader_id = l.id and e.booked_at < $3) "
            + "as balance from l order by l.id")
        .execute(Tuple.of(leaderId, dayStart, dayEnd, monthStart))
        .map(rs -> PgCatalog.all(rs, r -> new Figures(r.getLong("id"), r.getString("name"), r.getString("channel"),
            r.getString("recipient"), r.getLong("orders"), r.getBigDecimal("sales").longValue(), r.getLong("picked"),
            r.getLong("unpicked"), r.getLong("refunds"), r.getLong("commission"), r.getLong("month_commission"),
            r.getLong("balance"))))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Each leader's opening balance before {@code $1} and the month's sums by kind up to {@code $2}. */
  private static final String MONTH_SUMS = "select leader_id, "
      + "coalesce(sum(amount_fen) filter (where booked_at < $1), 0) as opening, "
      + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'accrual'), 0) as accruals, "
      + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'reversal'), 0) as reversals, "
      + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'adjustment'), 0) as adjustments, "
      + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'payout'), 0) as payouts "
      + "from ledger_entry where booked_at < $2 group by leader_id";

  /**
   * Every leader's statement figures for the month {@code [start, end)}, by one aggregate: the
   * statement rules are plain sums (the opening balance is every entry booked before the month, the
   * month's figures the sums of its entries by kind), so the database adds them up where the rows
   * are. {@link tuangou.settlement.Statements#of} is the reference they are tested against. Leaders
   * with nothing booked before {@code end} are absent (their statement is all zeros).
   */
  public Future<java.util.Map<Long, StatementTotals>> statementTotals(YearMonth month, OffsetDateTime start,
      OffsetDateTime end) {
    return pool.preparedQuery(MONTH_SUMS)
        .execute(Tuple.of(start, end))
        .map(rs -> {
          java.util.Map<Long, StatementTotals> out = new java.util.TreeMap<>();
          // sums of bigint are numeric in SQL: a sum past a long fails here as Math.addExact would
          rs.forEach(r -> out.put(r.getLong("leader_id"), new StatementTotals(r.getLong("leader_id"), month,
              exact(r, "opening"), exact(r, "accruals"), exact(r, "reversals"), exact(r, "adjustments"),
              exact(r, "payouts"))));
          return out;
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  private static long exact(Row r, String column) {
    return r.getBigDecimal(column).longValueExact();
  }

  /** The plain SQL aggregate of every leader's month, to check (and time) the statements against. */
  public Future<java.util.Map<Long, long[]>> monthTotals(OffsetDateTime start, OffsetDateTime end) {
    return pool.preparedQuery(MONTH_SUMS)
        .execute(Tuple.of(start, end))
        .map(rs -> {
          java.util.Map<Long, long[]> out = new java.util.HashMap<>();
          rs.forEach(r -> out.put(r.getLong("leader_id"), new long[] {r.getBigDecimal("opening").longValue(),
              r.getBigDecimal("accruals").longValue(), r.getBigDecimal("reversals").longValue(),
              r.getBigDecimal("adjustments").longValue(), r.getBigDecimal("payouts").longValue()}));
          return out;
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** A confirmed statement's locked figures. */
  public record Locked(long leaderId, String month, long openingFen, long accrualsFen, long reversalsFen,
      long adjustmentsFen, long payoutsFen, long closingFen, OffsetDateTime confirmedAt) {}

  /** Locks a statement; false when the month was confirmed before (the first confirmation stands). */
  public Future<Boolean> lock(Locked s) {
    return pool.preparedQuery("insert into statement (leader_id, month, opening_fen, accruals_fen, reversals_fen, "
            + "adjustments_fen, payouts_fen, closing_fen, confirmed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            + "on conflict (leader_id, month) do nothing")
        .execute(Tuple.from(new Object[] {s.leaderId(), s.month(), s.openingFen(), s.accrualsFen(), s.reversalsFen(),
            s.adjustmentsFen(), s.payoutsFen(), s.closingFen(), s.confirmedAt()}))
        .map(rs -> rs.rowCount() == 1)
        .recover(t -> PgErrors.translate(t, "leader " + s.leaderId() + " does not exist"));
  }

  public Future<List<Locked>> locked(String month) {
    return pool.preparedQuery("select * from statement where month = $1 order by leader_id").execute(Tuple.of(month))
        .map(rs -> PgCatalog.all(rs, r -> new Locked(r.getLong("leader_id"), r.getString("month"),
            r.getLong("opening_fen"), r.getLong("accruals_fen"), r.getLong("reversals_fen"), r.getLong("adjustments_fen"),
            r.getLong("payouts_fen"), r.getLong("closing_fen"), r.getOffsetDateTime("confirmed_at"))))
        .recover(t -> PgErrors.translate(t, ""));
  }

  static Entry entry(Row r) {
    return new Entry(r.getLong("leader_id"), EntryKind.valueOf(r.getString("kind").toUpperCase(Locale.ROOT)),
        r.getString("source"), r.getLong("amount_fen"),
        r.getLong("line_id"), r.getLong("base_fen"), r.getInteger("rate_bp"), r.getString("reason"),
        r.getOffsetDateTime("booked_at"));
  }

  private static final String[] STORED = java.util.Arrays.stream(EntryKind.values())
      .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  /** The kind as the table keeps it (its check constraint lists the lower-case names). */
  static String stored(EntryKind kind) {
    return STORED[kind.ordinal()];
  }
}

package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import tuangou.settlement.EntryKind;
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

  /** Everything not booked yet, and the booked entries of the lines those refunds touch. */
  public record Pending(List<LineFact> lines, List<RefundFact> refunds, List<MoneyFact> adjustments,
      List<MoneyFact> payouts, List<Entry> touched) {}

  /**
   * What is due for booking at {@code now}: lines picked up by then ({@code atPickup}) or whose
   * ordering closed by then, refunds, adjustments and payouts not booked yet.
   */
  public Future<Pending> pending(boolean atPickup, OffsetDateTime now) {
    Future<List<LineFact>> lines = pool.preparedQuery("select l.id, g.leader_id, l.qty, ci.price_fen, ld.commission_rate_bp, "
            + "p.commission_bp as product_bp, ci.commission_bp as item_bp, "
            + "least(c.closed_at, cg.closed_at, c.cutoff_at) as cutoff_at, pk.picked_at "
            + "from order_line l join chat_group g on g.id = l.group_id join leader ld on ld.id = g.leader_id "
            + "join campaign c on c.id = l.campaign_id join campaign_group cg on cg.campaign_id = l.campaign_id "
            + "and cg.group_id = l.group_id join campaign_item ci on ci.campaign_id = l.campaign_id "
            + "and ci.product_id = l.product_id join product p on p.id = l.product_id "
            + "left join pickup pk on pk.campaign_id = l.campaign_id and pk.group_id = l.group_id "
            + "and pk.customer = l.customer and pk.label = l.label "
            + "where l.status = 'active' and " + (atPickup ? "pk.picked_at <= $1 "
                : "least(c.closed_at, cg.closed_at, c.cutoff_at) <= $1 ")
            + "and not exists (select 1 from ledger_entry e where e.source = 'line:' || l.id)")
        .execute(Tuple.of(now))
        .map(rs -> PgCatalog.all(rs, r -> new LineFact(r.getLong("id"), r.getLong("leader_id"), r.getBigDecimal("qty"),
            r.getLong("price_fen"), r.getInteger("commission_rate_bp"), r.getInteger("product_bp"),
            r.getInteger("item_bp"), r.getOffsetDateTime("cutoff_at"), r.getOffsetDateTime("picked_at"))));
    // an after-sales refund names the customer and product: it refunds their first line of it
    Future<List<RefundFact>> refunds = pool.query("select f.id, coalesce(f.order_line_id, (select min(l.id) "
            + "from order_line l where l.campaign_id = f.campaign_id and l.group_id = f.group_id "
            + "and l.customer = f.customer and l.product_id = f.product_id and l.status = 'active')) as line_id, "
            + "f.amount_fen, f.created_at from refund f "
            + "where not exists (select 1 from ledger_entry e where e.source = 'refund:' || f.id)")
        .execute()
        .map(rs -> PgCatalog.all(rs, r -> new RefundFact(r.getLong("id"), r.getLong("line_id") == null ? -1
            : r.getLong("line_id"), r.getLong("amount_fen"), r.getOffsetDateTime("created_at"))));
    Future<List<MoneyFact>> adjustments = pool.query("select * from commission_adjustment a where not exists "
            + "(select 1 from ledger_entry e where e.source = 'adjustment:' || a.id)").execute()
        .map(rs -> PgCatalog.all(rs, r -> new MoneyFact(r.getLong("id"), r.getLong("leader_id"), r.getLong("amount_fen"),
            r.getString("reason"), r.getOffsetDateTime("created_at"))));
    Future<List<MoneyFact>> payouts = pool.query("select * from payout p where not exists "
            + "(select 1 from ledger_entry e where e.source = 'payout:' || p.id)").execute()
        .map(rs -> PgCatalog.all(rs, r -> new MoneyFact(r.getLong("id"), r.getLong("leader_id"), r.getLong("amount_fen"),
            r.getString("note"), r.getOffsetDateTime("created_at"))));
    return Future.all(lines, refunds, adjustments, payouts).compose(all -> {
      Long[] touched = refunds.result().stream().map(RefundFact::lineId).filter(id -> id > 0).distinct()
          .toArray(Long[]::new);
      return entriesOfLines(touched).map(entries -> new Pending(lines.result(), refunds.result(), adjustments.result(),
          payouts.result(), entries));
    }).recover(t -> PgErrors.translate(t, ""));
  }

  private Future<List<Entry>> entriesOfLines(Long[] lineIds) {
    if (lineIds.length == 0) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery("select * from ledger_entry where line_id = any($1) order by id")
        .execute(Tuple.of(lineIds)).map(rs -> PgCatalog.all(rs, PgLedger::entry));
  }

  /**
   * Books entries, in batches of {@value #BATCH} (a first run over a big month books a lot); one
   * whose source is booked already is skipped (another run got there first).
   */
  public Future<Integer> book(List<Entry> entries) {
    Future<Integer> booked = Future.succeededFuture(0);
    for (int i = 0; i < entries.size(); i += BATCH) {
      List<Entry> part = entries.subList(i, Math.min(entries.size(), i + BATCH));
      booked = booked.compose(n -> bookBatch(part).map(m -> n + m));
    }
    return booked;
  }

  private static final int BATCH = 5000;

  private Future<Integer> bookBatch(List<Entry> entries) {
    return pool.preparedQuery("insert into ledger_entry (leader_id, kind, source, amount_fen, line_id, base_fen, rate_bp, "
            + "reason, booked_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (source) do nothing")
        .executeBatch(entries.stream().map(e -> Tuple.from(new Object[] {e.leaderId(), stored(e.kind()), e.source(), e.amountFen(),
            e.lineId(), e.baseFen(), e.rateBp(), e.reason(), e.bookedAt()})).toList())
        .map(PgCatalog::rowCount)
        .recover(t -> PgErrors.translate(t, ""));
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

  /** Every leader's balance at {@code at}: what the month starting there opens with. */
  public Future<java.util.Map<Long, Long>> balances(OffsetDateTime at) {
    return pool.preparedQuery("select leader_id, sum(amount_fen) as balance from ledger_entry where booked_at < $1 "
            + "group by leader_id")
        .execute(Tuple.of(at))
        .map(rs -> {
          java.util.Map<Long, Long> out = new java.util.HashMap<>();
          rs.forEach(r -> out.put(r.getLong("leader_id"), r.getBigDecimal("balance").longValue()));
          return out;
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Streams the entries booked in [start, end), leader by leader (in booking order within one), to
   * {@code leader}: one leader's entries are held at a time, however many the month has.
   */
  public Future<Void> eachLeader(OffsetDateTime start, OffsetDateTime end,
      java.util.function.BiConsumer<Long, List<Entry>> leader) {
    return pool.withTransaction(conn -> conn
            .prepare("select * from ledger_entry where booked_at >= $1 and booked_at < $2 order by leader_id, booked_at, id")
            .compose(ps -> {
              io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
              // one leader's entries at a time: the list holds entries of a single leader
              java.util.List<Entry> current = new java.util.ArrayList<>();
              ps.createStream(2000, Tuple.of(start, end))
                  .exceptionHandler(done::tryFail)
                  .endHandler(v -> {
                    if (!current.isEmpty()) {
                      leader.accept(current.get(0).leaderId(), List.copyOf(current));
                    }
                    done.tryComplete();
                  })
                  .handler(row -> {
                    Entry e = entry(row);
                    if (!current.isEmpty() && e.leaderId() != current.get(0).leaderId()) {
                      leader.accept(current.get(0).leaderId(), List.copyOf(current));
                      current.clear();
                    }
                    current.add(e);
                  });
              return done.future();
            }))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The plain SQL aggregate of every leader's month, to check (and time) the statements against. */
  public Future<java.util.Map<Long, long[]>> monthTotals(OffsetDateTime start, OffsetDateTime end) {
    return pool.preparedQuery("select leader_id, "
            + "coalesce(sum(amount_fen) filter (where booked_at < $1), 0) as opening, "
            + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'accrual'), 0) as accruals, "
            + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'reversal'), 0) as reversals, "
            + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'adjustment'), 0) as adjustments, "
            + "coalesce(sum(amount_fen) filter (where booked_at >= $1 and kind = 'payout'), 0) as payouts "
            + "from ledger_entry where booked_at < $2 group by leader_id")
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

  private static Entry entry(Row r) {
    return new Entry(r.getLong("leader_id"), EntryKind.valueOf(r.getString("kind").toUpperCase(Locale.ROOT)),
        r.getString("source"), r.getLong("amount_fen"),
        r.getLong("line_id"), r.getLong("base_fen"), r.getInteger("rate_bp"), r.getString("reason"),
        r.getOffsetDateTime("booked_at"));
  }

  /** The kind as the table keeps it (its check constraint lists the lower-case names). */
  private static String stored(EntryKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

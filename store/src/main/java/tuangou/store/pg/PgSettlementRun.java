package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tuangou.store.pg.PgLedger.Entry;
import tuangou.store.pg.PgLedger.LineFact;
import tuangou.store.pg.PgLedger.MoneyFact;
import tuangou.store.pg.PgLedger.RefundFact;

/**
 * One settlement run's reads and writes, in one transaction on one connection (opened by
 * {@link PgLedger#run}) under the settlement lock: the facts not booked yet, handed out a page at a time through a cursor so
 * that a month of a million lines never sits in memory at once, and the booking of what the rules
 * made of each page. Knows rows, not rules.
 *
 * <p>One connection, because a service may run on a pool of one (and a cursor holds its
 * connection until it ends); one transaction, because a cursor lives in one, and because then a run
 * books all of its entries or none.
 */
public final class PgSettlementRun {
  // what is still to accrue is queued (V18): the run reads the queue, not the month
  private static final String LINES = "select l.id, g.leader_id, l.qty, ci.price_fen, ld.commission_rate_bp, "
      + "p.commission_bp as product_bp, ci.commission_bp as item_bp, "
      + "least(c.closed_at, cg.closed_at, c.cutoff_at) as cutoff_at, pk.picked_at "
      + "from line_to_accrue q join order_line l on l.id = q.line_id "
      + "join chat_group g on g.id = l.group_id join leader ld on ld.id = g.leader_id "
      + "join campaign c on c.id = l.campaign_id join campaign_group cg on cg.campaign_id = l.campaign_id "
      + "and cg.group_id = l.group_id join campaign_item ci on ci.campaign_id = l.campaign_id "
      + "and ci.product_id = l.product_id join product p on p.id = l.product_id "
      + "left join pickup pk on pk.campaign_id = l.campaign_id and pk.group_id = l.group_id "
      + "and pk.customer = l.customer and pk.label = l.label "
      + "where l.status = 'active' and %s <= $1";

  // an after-sales refund names the customer and product: it refunds their first line of it. A
  // line's refunds come together and in the planner's order (time, then id), so a page that ends
  // in the middle of a line's refunds leaves the rest to reverse from what the page booked.
  private static final String REFUNDS = "select * from (select f.id, coalesce(f.order_line_id, (select min(l.id) "
      + "from order_line l where l.campaign_id = f.campaign_id and l.group_id = f.group_id "
      + "and l.customer = f.customer and l.product_id = f.product_id and l.status = 'active')) as line_id, "
      + "f.amount_fen, f.created_at from refund_to_reverse q join refund f on f.id = q.refund_id) r "
      + "where line_id is not null order by line_id, created_at, id";

  // no "on conflict": a run holds the settlement lock, and reads only what is not booked yet; a
  // fact booked twice all the same fails the run (unique), it is never skipped in silence
  private static final String BOOK = "insert into ledger_entry (leader_id, kind, source, amount_fen, line_id, "
      + "base_fen, rate_bp, reason, booked_at) select * from unnest($1::bigint[], $2::text[], $3::text[], "
      + "$4::bigint[], $5::bigint[], $6::bigint[], $7::int[], $8::text[], $9::timestamptz[])";

  private final SqlConnection conn;

  PgSettlementRun(SqlConnection conn) {
    this.conn = conn;
  }

  /**
   * Takes the settlement lock for this run's transaction; false when another run (of this or another
   * instance) holds it, and then this run must book nothing: the other one books what is due.
   */
  public Future<Boolean> lock() {
    return conn.query("select pg_try_advisory_xact_lock(" + LockKeys.SETTLEMENT + ", 0)").execute()
        .map(rs -> rs.iterator().next().getBoolean(0));
  }

  /**
   * Hands {@code page} the lines due for booking at {@code now} (picked up by then when
   * {@code atPickup}, else cut off by then) and not accrued yet, {@code pageSize} at a time, in no
   * particular order. A line's accrual depends on that line alone, so a page is handed out while the
   * page before it may still be being booked (two at most). Answers the sum of what {@code page}
   * answered (what the pages booked).
   */
  public Future<Integer> eachLinePage(boolean atPickup, OffsetDateTime now, int pageSize,
      Function<List<LineFact>, Future<Integer>> page) {
    String sql = String.format(Locale.ROOT, LINES, atPickup ? "pk.picked_at" : "least(c.closed_at, cg.closed_at, c.cutoff_at)");
    // columns by position, in the order LINES selects them: a million rows, each looked up by name 9 times
    return pages(sql, Tuple.of(now), pageSize, true, r -> new LineFact(r.getLong(0), r.getLong(1), r.getBigDecimal(2),
        r.getLong(3), r.getInteger(4), r.getInteger(5), r.getInteger(6), r.getOffsetDateTime(7),
        r.getOffsetDateTime(8)), page);
  }

  /**
   * Hands {@code page} the refunds not reversed yet whose line is known, {@code pageSize} at a time,
   * ordered by line, then time, then id; a page is handed out once the page before it is handled, so
   * that what it reads of its lines' entries includes what that page booked.
   */
  public Future<Integer> eachRefundPage(int pageSize, Function<List<RefundFact>, Future<Integer>> page) {
    return pages(REFUNDS, Tuple.tuple(), pageSize, false, r -> new RefundFact(r.getLong("id"), r.getLong("line_id"),
        r.getLong("amount_fen"), r.getOffsetDateTime("created_at")), page);
  }

  /** The booked entries of these lines (their accruals and reversals so far), this run's included. */
  public Future<List<Entry>> entriesOfLines(List<Long> lineIds) {
    if (lineIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    // one index per kind (V18)
    return conn.preparedQuery("select * from ledger_entry where kind = 'accrual' and line_id = any($1) "
            + "union all select * from ledger_entry where kind = 'reversal' and line_id = any($1) order by id")
        .execute(Tuple.of(lineIds.toArray(Long[]::new))).map(rs -> PgCatalog.all(rs, PgLedger::entry));
  }

  /** Adjustments not booked yet (a few per leader and month: read at once). */
  public Future<List<MoneyFact>> adjustments() {
    return conn.query("select * from commission_adjustment a where not exists "
            + "(select 1 from ledger_entry e where e.kind = 'adjustment' and e.source = 'adjustment:' || a.id)").execute()
        .map(rs -> PgCatalog.all(rs, r -> new MoneyFact(r.getLong("id"), r.getLong("leader_id"), r.getLong("amount_fen"),
            r.getString("reason"), r.getOffsetDateTime("created_at"))));
  }

  /** Payouts not booked yet. */
  public Future<List<MoneyFact>> payouts() {
    return conn.query("select * from payout p where not exists "
            + "(select 1 from ledger_entry e where e.kind = 'payout' and e.source = 'payout:' || p.id)").execute()
        .map(rs -> PgCatalog.all(rs, r -> new MoneyFact(r.getLong("id"), r.getLong("leader_id"), r.getLong("amount_fen"),
            r.getString("note"), r.getOffsetDateTime("created_at"))));
  }

  /**
   * Books entries in one statement (columns as arrays: one round trip and one plan however many); they
   * leave the queues in the same statement (V18). How many were booked.
   */
  public Future<Integer> book(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture(0);
    }
    int n = entries.size();
    Long[] leader = new Long[n];
    String[] kind = new String[n];
    String[] source = new String[n];
    Long[] amount = new Long[n];
    Long[] line = new Long[n];
    Long[] base = new Long[n];
    Integer[] rate = new Integer[n];
    String[] reason = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      leader[i] = e.leaderId();
      kind[i] = PgLedger.stored(e.kind());
      source[i] = e.source();
      amount[i] = e.amountFen();
      line[i] = e.lineId();
      base[i] = e.baseFen();
      rate[i] = e.rateBp();
      reason[i] = e.reason();
      at[i] = e.bookedAt();
    }
    return conn.preparedQuery(BOOK)
        .execute(Tuple.from(new Object[] {leader, kind, source, amount, line, base, rate, reason, at}))
        .map(RowSet::rowCount);
  }

  // Reads through a cursor: the database keeps the result and hands it over a page at a time.
  private <T> Future<Integer> pages(String sql, Tuple args, int pageSize, boolean overlap, Function<Row, T> map,
      Function<List<T>, Future<Integer>> page) {
    return conn.prepare(sql).compose(ps -> {
      Cursor cursor = ps.cursor(args);
      return new CursorPages<>(cursor, pageSize, overlap, map, page).run()
          .eventually(() -> cursor.close().otherwiseEmpty())
          .eventually(() -> ps.close().otherwiseEmpty());
    });
  }

  /**
   * Walks a cursor page by page. The next page is asked for before this one is handled, so that the
   * database reads it while the rules work on this one. With {@code overlap} (pages whose writes do
   * not depend on each other's), a page is handled while the page before it is still being written,
   * two pages in flight at most; without it, a page is handled once the one before it is written.
   *
   * <p>Steps follow each other by callbacks rather than by a chain of composed futures: such a
   * chain keeps every step reachable, with the page it held, until the last one completes, which
   * is the whole month in memory again.
   */
  private static final class CursorPages<T> {
    private final Cursor cursor;
    private final int size;
    private final boolean overlap;
    private final Function<Row, T> map;
    private final Function<List<T>, Future<Integer>> handler;
    private final Promise<Integer> done = Promise.promise();
    private Future<Integer> writing = Future.succeededFuture(0);
    private int handled;

    CursorPages(Cursor cursor, int size, boolean overlap, Function<Row, T> map,
        Function<List<T>, Future<Integer>> handler) {
      this.cursor = cursor;
      this.size = size;
      this.overlap = overlap;
      this.map = map;
      this.handler = handler;
    }

    Future<Integer> run() {
      step(cursor.read(size));
      return done.future();
    }

    // a callback that throws would leave the run waiting forever: what the rules refuse fails it
    private Future<Integer> handle(RowSet<Row> rows) {
      try {
        List<T> items = PgCatalog.all(rows, map);
        return items.isEmpty() ? Future.succeededFuture(0) : handler.apply(items);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }

    private void step(Future<RowSet<Row>> reading) {
      reading.onFailure(done::tryFail).onSuccess(rows -> {
        Future<RowSet<Row>> ahead = cursor.hasMore() ? cursor.read(size) : null;
        Future<Integer> previous = writing;
        Future<Integer> current = handle(rows);
        writing = current;
        // with overlap, wait for the page before this one; else for this one
        (overlap ? previous : current).onFailure(done::tryFail).onSuccess(n -> {
          handled += n;
          if (ahead != null) {
            step(ahead);
          } else if (overlap) {
            current.onFailure(done::tryFail).onSuccess(last -> done.tryComplete(handled + last));
          } else {
            done.tryComplete(handled);
          }
        });
      });
    }
  }
}

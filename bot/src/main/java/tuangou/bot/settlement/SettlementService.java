package tuangou.bot.settlement;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Logger;
import tuangou.settlement.AccrualPoint;
import tuangou.settlement.CommissionBasis;
import tuangou.settlement.CommissionRate;
import tuangou.settlement.LedgerEntry;
import tuangou.settlement.PeriodFigures;
import tuangou.settlement.SettlementFacts;
import tuangou.settlement.SettlementPlan;
import tuangou.settlement.SettlementPlanner;
import tuangou.settlement.Statement;
import tuangou.settlement.StatementTotals;
import tuangou.settlement.Statements;
import tuangou.store.pg.PgLedger;

/**
 * Settles through the store: books what the facts owe the ledger (a run is idempotent, and two
 * instances running at once book each entry once, by its unique source), and reads statements.
 */
public final class SettlementService {
  private static final Logger LOG = Logger.getLogger(SettlementService.class.getName());
  private final PgLedger ledger;
  private final SettlementPlanner planner;
  private final Clock clock;
  private final ZoneId zone;

  public SettlementService(PgLedger ledger, AccrualPoint accrualPoint, Clock clock, ZoneId zone) {
    this.ledger = ledger;
    this.planner = SettlementPlanner.of(accrualPoint);
    this.clock = clock;
    this.zone = zone;
  }

  private Future<Integer> running;
  private Future<Integer> queued;

  /**
   * Books every entry still missing; how many were booked. Runs never overlap in this instance: a
   * call during a run joins the one run queued after it (across instances the ledger's unique
   * sources keep runs apart).
   */
  public synchronized Future<Integer> settle() {
    if (queued != null) {
      return queued;
    }
    if (running == null) {
      running = run().andThen(ar -> finished());
      return running;
    }
    Future<Integer> after = running.transform(ignored -> startQueued());
    queued = after;
    return after;
  }

  private synchronized Future<Integer> startQueued() {
    queued = null;
    running = run().andThen(ar -> finished());
    return running;
  }

  private synchronized void finished() {
    if (queued == null) {
      running = null;
    }
  }

  private Future<Integer> run() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return ledger.pending(planner.accrualPoint() == AccrualPoint.PICKUP, now).compose(p -> {
      SettlementPlan plan = planner.plan(facts(p), p.touched().stream().map(SettlementService::entry).toList(), now);
      plan.rejections().forEach(r -> LOG.warning("settlement: " + r.source() + " not booked: " + r.reason()));
      return ledger.book(plan.entries().stream().map(SettlementService::row).toList());
    });
  }

  /** A leader's statement of {@code month}: the locked copy once confirmed, else a draft from the ledger. */
  public Future<Statement> statement(long leaderId, YearMonth month) {
    OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    return ledger.entriesOf(leaderId, end).map(rows -> {
      List<LedgerEntry> entries = rows.stream().map(SettlementService::entry).toList();
      return Statements.of(leaderId, month, entries, zone);
    });
  }

  /** A leader's sales, refunds and commission booked in {@code [from, to)}, and the balance at {@code to}. */
  public Future<PeriodFigures> period(long leaderId, OffsetDateTime from, OffsetDateTime to) {
    return ledger.entriesOf(leaderId, to).map(rows -> PeriodFigures.of(leaderId,
        rows.stream().map(SettlementService::entry).toList(), from, to));
  }

  /**
   * Every leader's draft statement of {@code month} with booked entries (a leader with none has an
   * empty month and its opening balance only), the entries dropped once counted: a month of a
   * million lines is read as a stream, one leader at a time.
   */
  public Future<java.util.Map<Long, StatementTotals>> statements(YearMonth month) {
    OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    return ledger.balances(start).compose(openings -> {
      java.util.Map<Long, StatementTotals> out = new java.util.TreeMap<>();
      openings.forEach((leader, opening) -> out.put(leader, new StatementTotals(leader, month, opening, 0, 0, 0, 0)));
      return ledger.eachLeader(start, end, (leader, rows) -> {
        Statement s = Statements.of(leader, month, openings.getOrDefault(leader, 0L),
            rows.stream().map(SettlementService::entry).toList(), zone);
        // the reconciliation view needs the figures, not the lines behind them
        out.put(leader, StatementTotals.of(s));
      }).map(out);
    });
  }

  /**
   * Confirms (locks) a leader's statement of a month that has ended. The figures are copied as they
   * are; later entries are booked at their own time, so they fall in a later month. False when the
   * month was confirmed already (its first figures stand).
   */
  public Future<Boolean> confirm(long leaderId, YearMonth month) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return statement(leaderId, month).compose(s -> {
      Statement confirmed = s.confirm(now);
      return ledger.lock(new PgLedger.Locked(leaderId, month.toString(), confirmed.openingFen(), confirmed.accrualsFen(),
          confirmed.reversalsFen(), confirmed.adjustmentsFen(), confirmed.payoutsFen(), confirmed.closingFen(), now));
    });
  }

  private static SettlementFacts facts(PgLedger.Pending p) {
    return new SettlementFacts(
        p.lines().stream().map(l -> new SettlementFacts.Line(l.lineId(), l.leaderId(), l.qty(), l.priceFen(),
            new CommissionRate(l.leaderBp(), l.productBp(), l.itemBp()), l.cutoffAt(), l.pickedAt())).toList(),
        p.refunds().stream().filter(r -> r.lineId() > 0)
            .map(r -> new SettlementFacts.Refund(r.refundId(), r.lineId(), r.amountFen(), r.at())).toList(),
        p.adjustments().stream().map(a -> new SettlementFacts.Adjustment(a.id(), a.leaderId(), a.amountFen(), a.reason(),
            a.at())).toList(),
        p.payouts().stream().map(a -> new SettlementFacts.Payout(a.id(), a.leaderId(), a.amountFen(), a.at())).toList());
  }

  static LedgerEntry entry(PgLedger.Entry e) {
    CommissionBasis basis = e.lineId() == null ? null
        : new CommissionBasis(e.lineId(), e.baseFen() == null ? 0 : e.baseFen(), e.rateBp() == null ? 0 : e.rateBp());
    return new LedgerEntry(e.leaderId(), e.kind(), e.source(), e.amountFen(), basis, e.reason(), e.bookedAt());
  }

  static PgLedger.Entry row(LedgerEntry e) {
    CommissionBasis b = e.basis();
    return new PgLedger.Entry(e.leaderId(), e.kind(), e.source(), e.amountFen(),
        b == null ? null : b.lineId(), b == null ? null : b.baseFen(), b == null ? null : b.rateBp(), e.reason(),
        e.bookedAt());
  }
}

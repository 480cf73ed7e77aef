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
import tuangou.store.pg.PgSettlementRun;

/**
 * Settles through the store: books what the facts owe the ledger (a run is idempotent, and two
 * instances running at once book each entry once: one run books at a time, and sources are
 * unique), and reads statements.
 */
public final class SettlementService {
  private static final Logger LOG = Logger.getLogger(SettlementService.class.getName());
  /** Facts read and planned at a time: a page's facts, its entries and its row arrays stay small. */
  private static final int PAGE = 10_000;
  private final PgLedger ledger;
  private final SettlementPlanner planner;
  private final Clock clock;
  private final ZoneId zone;
  private final int pageSize;

  public SettlementService(PgLedger ledger, AccrualPoint accrualPoint, Clock clock, ZoneId zone) {
    this(ledger, accrualPoint, clock, zone, PAGE);
  }

  /** With pages of {@code pageSize} facts (tests make pages small, to cross their edges). */
  SettlementService(PgLedger ledger, AccrualPoint accrualPoint, Clock clock, ZoneId zone, int pageSize) {
    this.pageSize = pageSize;
    this.ledger = ledger;
    this.planner = SettlementPlanner.of(accrualPoint);
    this.clock = clock;
    this.zone = zone;
  }

  private Future<Integer> running;
  private Future<Integer> queued;

  /**
   * Books every entry still missing; how many were booked. Runs never overlap in this instance: a
   * call during a run joins the one run queued after it. Across instances the settlement lock keeps
   * runs apart: a run that finds another instance's run booking books nothing (answers 0).
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

  // Lines first, so that a refund of a line accrued in this run is reversed in this run too. Each
  // page is planned by the rules on its own: a line's accrual depends on that line's facts alone,
  // and a page of refunds comes with the entries its lines have so far (earlier pages' included).
  // Under the settlement lock: a run of another instance holds it until it commits, and books what
  // was due when it started; this one then books nothing, and the next run what came after.
  private Future<Integer> run() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return ledger.run(tx -> tx.lock().compose(mine -> {
      if (!mine) {
        LOG.info("settlement: another run is booking; this one books nothing");
        return Future.succeededFuture(0);
      }
      return accrue(tx, now)
          .compose(accrued -> reverse(tx, now).map(reversed -> accrued + reversed))
          .compose(booked -> adjustAndPay(tx, now).map(n -> booked + n));
    }));
  }

  private Future<Integer> accrue(PgSettlementRun tx, OffsetDateTime now) {
    return tx.eachLinePage(planner.accrualPoint() == AccrualPoint.PICKUP, now, pageSize, lines -> book(tx,
        planner.plan(new SettlementFacts(lines.stream().map(SettlementService::line).toList(), List.of(), List.of(),
            List.of()), List.of(), now)));
  }

  private Future<Integer> reverse(PgSettlementRun tx, OffsetDateTime now) {
    return tx.eachRefundPage(pageSize, refunds -> tx.entriesOfLines(
            refunds.stream().map(PgLedger.RefundFact::lineId).distinct().toList())
        .compose(touched -> book(tx, planner.plan(new SettlementFacts(List.of(),
            refunds.stream().map(SettlementService::refund).toList(), List.of(), List.of()),
            touched.stream().map(SettlementService::entry).toList(), now))));
  }

  private Future<Integer> adjustAndPay(PgSettlementRun tx, OffsetDateTime now) {
    return Future.all(tx.adjustments(), tx.payouts()).compose(money -> book(tx, planner.plan(
        new SettlementFacts(List.of(), List.of(), adjustments(money.resultAt(0)), payouts(money.resultAt(1))),
        List.of(), now)));
  }

  private static Future<Integer> book(PgSettlementRun tx, SettlementPlan plan) {
    plan.rejections().forEach(r -> LOG.warning("settlement: " + r.source() + " not booked: " + r.reason()));
    return tx.book(plan.entries().stream().map(SettlementService::row).toList());
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
   * Every leader's draft statement figures of {@code month} (a leader with nothing booked before the
   * month's end is absent: all zeros). The rules are plain sums here, so the database adds them up
   * ({@link PgLedger#statementTotals}, tested against {@link Statements#of}); a million entries never
   * leave it.
   */
  public Future<java.util.Map<Long, StatementTotals>> statements(YearMonth month) {
    OffsetDateTime start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    return ledger.statementTotals(month, start, end);
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

  private static SettlementFacts.Line line(PgLedger.LineFact l) {
    return new SettlementFacts.Line(l.lineId(), l.leaderId(), l.qty(), l.priceFen(),
        new CommissionRate(l.leaderBp(), l.productBp(), l.itemBp()), l.cutoffAt(), l.pickedAt());
  }

  private static SettlementFacts.Refund refund(PgLedger.RefundFact r) {
    return new SettlementFacts.Refund(r.refundId(), r.lineId(), r.amountFen(), r.at());
  }

  private static List<SettlementFacts.Adjustment> adjustments(List<PgLedger.MoneyFact> rows) {
    return rows.stream().map(a -> new SettlementFacts.Adjustment(a.id(), a.leaderId(), a.amountFen(), a.reason(),
        a.at())).toList();
  }

  private static List<SettlementFacts.Payout> payouts(List<PgLedger.MoneyFact> rows) {
    return rows.stream().map(a -> new SettlementFacts.Payout(a.id(), a.leaderId(), a.amountFen(), a.at())).toList();
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

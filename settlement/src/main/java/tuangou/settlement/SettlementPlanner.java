package tuangou.settlement;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Works out which ledger entries a settlement run must book, from the facts and the ledger so far.
 * Pure and idempotent: planning again with the plan's entries appended to the ledger plans nothing.
 *
 * <p>Every entry is booked at the run's {@code now}, never at the fact's own time: a statement month
 * that has ended (and may be confirmed) never changes, and a late fact lands in the current month.
 * Facts dated after {@code now} are not due yet and are left for a later run.
 *
 * <p>Reversals are computed from the ledger, not from the line's current facts: the accrual entry
 * gives the leader, the rate and the paid amount, and the reversals already booked give how much has
 * been refunded. So a rate changed after accrual, or refunds arriving out of order, still reverse
 * exactly what was accrued.
 */
public final class SettlementPlanner {
  private static final Comparator<SettlementFacts.Refund> REFUND_ORDER = Comparator
      .comparing(SettlementFacts.Refund::at, OffsetDateTime.timeLineOrder())
      .thenComparingLong(SettlementFacts.Refund::refundId);

  private final AccrualPoint accrualPoint;

  private SettlementPlanner(AccrualPoint accrualPoint) {
    this.accrualPoint = Objects.requireNonNull(accrualPoint, "accrualPoint");
  }

  /** A planner under which lines accrue at {@code accrualPoint}. */
  public static SettlementPlanner of(AccrualPoint accrualPoint) {
    return new SettlementPlanner(accrualPoint);
  }

  /** When lines accrue under this planner. */
  public AccrualPoint accrualPoint() {
    return accrualPoint;
  }

  /**
   * The entries still missing from {@code ledger} for {@code facts}, booked at {@code now}: accruals
   * of lines whose accrual point has passed, reversals of refunds of accrued lines, adjustments and
   * payouts. A fact whose source the ledger already holds is skipped.
   *
   * @throws IllegalArgumentException when the ledger contradicts itself (a reversal of a line it never
   *     accrued, or reversals exceeding the accrual's paid amount)
   */
  public SettlementPlan plan(SettlementFacts facts, Collection<LedgerEntry> ledger, OffsetDateTime now) {
    Objects.requireNonNull(now, "now");
    Set<String> booked = new HashSet<>();
    ledger.forEach(e -> booked.add(e.source()));
    Map<Long, AccruedLine> accrued = AccruedLine.fromLedger(ledger);
    List<LedgerEntry> out = new ArrayList<>();
    List<SettlementPlan.Rejection> rejections = new ArrayList<>();
    List<String> waiting = new ArrayList<>();

    facts.lines().stream().sorted(Comparator.comparingLong(SettlementFacts.Line::lineId)).forEach(line -> {
      String source = EntryKind.ACCRUAL.source(line.lineId());
      boolean due = line.accruesAt(accrualPoint).map(t -> !t.isAfter(now)).orElse(false);
      if (due && booked.add(source)) {
        LedgerEntry entry = LedgerEntry.accrual(line.leaderId(), line.lineId(), line.paidFen(), line.rate().bp(), now);
        out.add(entry);
        accrued.put(line.lineId(), AccruedLine.of(entry));
      }
    });

    facts.refunds().stream().filter(r -> !r.at().isAfter(now)).sorted(REFUND_ORDER).forEach(refund -> {
      String source = EntryKind.REVERSAL.source(refund.refundId());
      AccruedLine line = accrued.get(refund.lineId());
      if (booked.contains(source)) {
        return;
      }
      if (line == null) {
        waiting.add(source);
        return;
      }
      RefundOutcome outcome = line.commission().refund(refund.amountFen());
      if (outcome instanceof RefundOutcome.Reversed reversed) {
        booked.add(source);
        out.add(LedgerEntry.reversal(line.leaderId(), refund.refundId(), refund.lineId(), refund.amountFen(),
            line.commission().rateBp(), reversed.reversalFen(), now));
        accrued.put(refund.lineId(), new AccruedLine(line.leaderId(), reversed.after()));
      } else if (outcome instanceof RefundOutcome.Exceeds exceeds) {
        rejections.add(new SettlementPlan.Rejection(source, "line " + refund.lineId() + ": " + exceeds.message()));
      }
    });

    facts.adjustments().stream().filter(a -> !a.at().isAfter(now))
        .sorted(Comparator.comparing(SettlementFacts.Adjustment::at, OffsetDateTime.timeLineOrder())
            .thenComparingLong(SettlementFacts.Adjustment::adjustmentId))
        .filter(a -> booked.add(EntryKind.ADJUSTMENT.source(a.adjustmentId())))
        .forEach(a -> out.add(LedgerEntry.adjustment(a.leaderId(), a.adjustmentId(), a.amountFen(), a.reason(), now)));

    facts.payouts().stream().filter(p -> !p.at().isAfter(now))
        .sorted(Comparator.comparing(SettlementFacts.Payout::at, OffsetDateTime.timeLineOrder())
            .thenComparingLong(SettlementFacts.Payout::payoutId))
        .filter(p -> booked.add(EntryKind.PAYOUT.source(p.payoutId())))
        .forEach(p -> out.add(LedgerEntry.payout(p.leaderId(), p.payoutId(), p.amountFen(), now)));

    return new SettlementPlan(out, rejections, waiting);
  }

  /** A line the ledger has accrued: whose it is and where its commission stands after refunds. */
  private record AccruedLine(long leaderId, LineCommission commission) {
    static AccruedLine of(LedgerEntry accrual) {
      CommissionBasis b = accrual.basis();
      return new AccruedLine(accrual.leaderId(), new LineCommission(b.baseFen(), b.rateBp(), 0));
    }

    static Map<Long, AccruedLine> fromLedger(Collection<LedgerEntry> ledger) {
      Map<Long, AccruedLine> lines = new HashMap<>();
      ledger.stream().filter(e -> e.kind() == EntryKind.ACCRUAL).forEach(e -> lines.put(e.basis().lineId(), of(e)));
      for (LedgerEntry e : ledger) {
        if (e.kind() != EntryKind.REVERSAL) {
          continue;
        }
        AccruedLine line = lines.get(e.basis().lineId());
        if (line == null) {
          throw new IllegalArgumentException("ledger entry " + e.source() + " reverses line "
              + e.basis().lineId() + ", which it never accrued");
        }
        LineCommission c = line.commission();
        // LineCommission refuses refunded > paid, which is what a contradictory ledger would need.
        lines.put(e.basis().lineId(), new AccruedLine(line.leaderId(),
            new LineCommission(c.paidFen(), c.rateBp(), c.refundedFen() + e.basis().baseFen())));
      }
      return lines;
    }
  }
}

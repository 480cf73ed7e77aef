package tuangou.settlement;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A leader's figures over a period {@code [from, to)}: what the lines behind the commission sold and
 * refunded, the commission net of reversals, adjustments and payouts, and the balance owed at
 * {@code to}. Sales and refunds come from the commission basis of accruals and reversals, so they
 * count exactly the lines that earned commission.
 *
 * @param salesFen what the accrued lines paid
 * @param refundsFen what the reversed refunds gave back
 * @param commissionFen accruals plus reversals (reversals are negative)
 * @param adjustmentsFen bonuses and penalties, either sign
 * @param payoutsFen what was paid to the leader, as a positive amount
 * @param balanceFen every entry booked before {@code to}: what the platform owes the leader then
 */
public record PeriodFigures(long leaderId, OffsetDateTime from, OffsetDateTime to, long salesFen, long refundsFen,
    long commissionFen, long adjustmentsFen, long payoutsFen, long balanceFen) {
  public PeriodFigures {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a period ends after it starts: " + from + " .. " + to);
    }
  }

  /**
   * The figures of {@code [from, to)} from the leader's entries booked before {@code to} (earlier ones
   * count only towards the balance).
   */
  public static PeriodFigures of(long leaderId, List<LedgerEntry> entries, OffsetDateTime from, OffsetDateTime to) {
    long sales = 0;
    long refunds = 0;
    long commission = 0;
    long adjustments = 0;
    long payouts = 0;
    long balance = 0;
    for (LedgerEntry e : entries) {
      if (e.leaderId() != leaderId || !e.bookedAt().isBefore(to)) {
        throw new IllegalArgumentException("entry " + e.source() + " is not one of leader " + leaderId
            + "'s booked before " + to);
      }
      balance += e.amountFen();
      if (e.bookedAt().isBefore(from)) {
        continue;
      }
      switch (e.kind()) {
        case ACCRUAL -> {
          sales += e.basis().baseFen();
          commission += e.amountFen();
        }
        case REVERSAL -> {
          refunds += e.basis().baseFen();
          commission += e.amountFen();
        }
        case ADJUSTMENT -> adjustments += e.amountFen();
        case PAYOUT -> payouts -= e.amountFen();
      }
    }
    return new PeriodFigures(leaderId, from, to, sales, refunds, commission, adjustments, payouts, balance);
  }
}

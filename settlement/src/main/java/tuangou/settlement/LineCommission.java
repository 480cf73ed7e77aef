package tuangou.settlement;

import java.math.BigDecimal;

/**
 * Commission on one order line as refunds come in: what it paid, at which rate, and how much of it
 * has been refunded. Immutable; {@link #refund(long)} answers with the next state.
 *
 * <p>What stays accrued is always {@code C(standing)}, the commission on the paid amount still
 * standing, so it is never negative and is exactly zero once everything is refunded.
 *
 * @param paidFen what the line paid, in fen (see {@link Commission#paidFen})
 * @param rateBp the rate it accrued at; reversals use the same rate even if rates change later
 * @param refundedFen how much of {@code paidFen} has been refunded, 0 to {@code paidFen}
 */
public record LineCommission(long paidFen, int rateBp, long refundedFen) {
  public LineCommission {
    Commission.requireRate(rateBp);
    if (paidFen < 0 || refundedFen < 0 || refundedFen > paidFen) {
      throw new IllegalArgumentException("a line paid " + paidFen + " fen cannot have " + refundedFen
          + " fen refunded");
    }
  }

  /** A line of {@code qty} at {@code unitPriceFen}, nothing refunded yet. */
  public static LineCommission of(BigDecimal qty, long unitPriceFen, int rateBp) {
    return new LineCommission(Commission.paidFen(qty, unitPriceFen), rateBp, 0);
  }

  /** What the line accrued when it was settled: {@code C(paidFen)}. */
  public long accruedFen() {
    return Commission.commissionFen(paidFen, rateBp);
  }

  /** The paid amount not refunded yet. */
  public long standingFen() {
    return paidFen - refundedFen;
  }

  /** What the line still earns: {@code C(standing)}, between 0 and {@link #accruedFen()}. */
  public long netFen() {
    return Commission.commissionFen(standingFen(), rateBp);
  }

  /** What refunds have taken back so far: accrued minus net. */
  public long reversedFen() {
    return accruedFen() - netFen();
  }

  /**
   * Refunds {@code refundFen} of the line. A refund larger than what is still standing is not
   * clamped: it answers {@link RefundOutcome.Exceeds} and the line is unchanged, because such a refund
   * means the facts disagree and someone must look.
   */
  public RefundOutcome refund(long refundFen) {
    if (refundFen < 0) {
      throw new IllegalArgumentException("a refund cannot be negative: " + refundFen);
    }
    if (refundFen > standingFen()) {
      return new RefundOutcome.Exceeds(refundFen, standingFen());
    }
    long reversal = Commission.reversalFen(standingFen(), refundFen, rateBp);
    return new RefundOutcome.Reversed(new LineCommission(paidFen, rateBp, refundedFen + refundFen), reversal);
  }
}

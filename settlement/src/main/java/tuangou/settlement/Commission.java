package tuangou.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of commission: what a line paid, what it earns, and what a refund takes back. All
 * amounts are fen ({@code long}), rates basis points ({@code int}, 1000 = 10%).
 *
 * <p>One rounding rule everywhere: <em>per line, half-up</em>. A line's paid amount is its quantity
 * times the unit price rounded half-up to the fen; its commission is the paid amount times the rate
 * rounded half-up to the fen. Totals are sums of these line values and are never recomputed from a
 * total (three lines of 2.3 fen commission are 6 fen, not round(6.9) = 7).
 *
 * <p>A refund takes back {@code C(before) - C(after)}, where {@code C(x) = commissionFen(x, bp)} and
 * before/after are the line's paid amount still standing around the refund. The reversals of a line
 * telescope: however the refunds split it, refunding all of it takes back exactly what was accrued,
 * and what stays accrued is always {@code C(paid still standing)} — never negative.
 */
public final class Commission {
  /** Basis points in one whole: 10000 bp = 100%. */
  public static final int WHOLE_BP = 10_000;

  private Commission() {}

  /** Returns {@code bp} when it is a valid rate (0 to 10000 bp), or throws. */
  public static int requireRate(int bp) {
    if (bp < 0 || bp > WHOLE_BP) {
      throw new IllegalArgumentException("a commission rate is 0 to 10000 bp, not " + bp);
    }
    return bp;
  }

  /** What a line paid: {@code qty × unitPriceFen}, rounded half-up to the fen. */
  public static long paidFen(BigDecimal qty, long unitPriceFen) {
    if (qty.signum() < 0) {
      throw new IllegalArgumentException("a line's quantity cannot be negative: " + qty.toPlainString());
    }
    if (unitPriceFen < 0) {
      throw new IllegalArgumentException("a unit price cannot be negative: " + unitPriceFen);
    }
    return qty.multiply(BigDecimal.valueOf(unitPriceFen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Commission on a paid amount: {@code paidFen × bp / 10000}, rounded half-up to the fen. */
  public static long commissionFen(long paidFen, int bp) {
    requireRate(bp);
    if (paidFen < 0) {
      throw new IllegalArgumentException("a paid amount cannot be negative: " + paidFen);
    }
    // Both factors are non-negative, so adding half the divisor before dividing is half-up.
    return Math.addExact(Math.multiplyExact(paidFen, (long) bp), WHOLE_BP / 2) / WHOLE_BP;
  }

  /**
   * Commission a refund of {@code refundFen} takes back from a line of which {@code paidBeforeFen}
   * is still standing: {@code C(paidBefore) - C(paidBefore - refund)}, never negative.
   *
   * @throws IllegalArgumentException when the refund exceeds what is still standing; callers that must
   *     not throw use {@link LineCommission#refund(long)}, which answers with a value instead
   */
  public static long reversalFen(long paidBeforeFen, long refundFen, int bp) {
    if (refundFen < 0 || refundFen > paidBeforeFen) {
      throw new IllegalArgumentException("a refund of " + refundFen + " fen does not fit in the "
          + paidBeforeFen + " fen still paid");
    }
    return commissionFen(paidBeforeFen, bp) - commissionFen(paidBeforeFen - refundFen, bp);
  }
}

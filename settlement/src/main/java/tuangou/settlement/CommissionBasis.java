package tuangou.settlement;

/**
 * What a commission entry was computed on, kept in the entry so that later reversals use the figures
 * of the accrual (its rate, its paid amount) even if rates or lines change afterwards, and so that a
 * statement can show sales and refunds beside the commission.
 *
 * @param lineId the order line the entry concerns
 * @param baseFen for an accrual, what the line paid; for a reversal, the refund's amount
 * @param rateBp the rate applied, the accrual's own for a reversal
 */
public record CommissionBasis(long lineId, long baseFen, int rateBp) {
  public CommissionBasis {
    Commission.requireRate(rateBp);
    if (baseFen < 0) {
      throw new IllegalArgumentException("a commission base cannot be negative: " + baseFen);
    }
  }
}

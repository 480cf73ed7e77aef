package tuangou.settlement;

/**
 * When an order line starts to earn its leader commission: when the resident picks it up (the goods
 * reached them and the sale is final), or at the campaign's cutoff (the order is fixed). A setting
 * of the platform, passed to {@link SettlementPlanner#of(AccrualPoint)}.
 */
public enum AccrualPoint {
  /** A line accrues once it has been picked up (核销); never-collected lines earn nothing. */
  PICKUP,
  /** A line accrues once its campaign (or its group) is cut off (截单). */
  CUTOFF
}

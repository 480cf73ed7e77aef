package tuangou.settlement;

/**
 * The rates that may apply to one order line, and the one that does: a campaign item's override wins
 * over the product's, which wins over the leader's default (the most specific wins). All in basis
 * points, 0 to 10000 (a leader's default is typically 1000 to 1500, 10% to 15%).
 *
 * <p>{@code productBp} and {@code itemBp} are null when there is no override.
 *
 * @param leaderDefaultBp the leader's own rate
 * @param productBp the product's override, for every campaign, or null
 * @param itemBp this campaign item's override, or null
 */
public record CommissionRate(int leaderDefaultBp, Integer productBp, Integer itemBp) {
  /** Where the applying rate comes from. */
  public enum Source { LEADER, PRODUCT, ITEM }

  public CommissionRate {
    Commission.requireRate(leaderDefaultBp);
    if (productBp != null) {
      Commission.requireRate(productBp);
    }
    if (itemBp != null) {
      Commission.requireRate(itemBp);
    }
  }

  /** The leader's default and no overrides. */
  public static CommissionRate ofLeader(int leaderDefaultBp) {
    return new CommissionRate(leaderDefaultBp, null, null);
  }

  /** A copy with the product's override. */
  public CommissionRate withProduct(int bp) {
    return new CommissionRate(leaderDefaultBp, bp, itemBp);
  }

  /** A copy with the campaign item's override. */
  public CommissionRate withItem(int bp) {
    return new CommissionRate(leaderDefaultBp, productBp, bp);
  }

  /** The rate that applies: the most specific one given. */
  public int bp() {
    if (itemBp != null) {
      return itemBp;
    }
    return productBp != null ? productBp : leaderDefaultBp;
  }

  /** Which of the three rates {@link #bp()} is. */
  public Source source() {
    if (itemBp != null) {
      return Source.ITEM;
    }
    return productBp != null ? Source.PRODUCT : Source.LEADER;
  }
}

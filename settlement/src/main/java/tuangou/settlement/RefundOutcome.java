package tuangou.settlement;

/**
 * What refunding part of a line does to its commission: either it is reversed by an amount, or the
 * refund is refused because it is larger than what the line still has standing.
 */
public sealed interface RefundOutcome permits RefundOutcome.Reversed, RefundOutcome.Exceeds {

  /**
   * The refund was applied.
   *
   * @param after the line with the refund counted
   * @param reversalFen commission taken back, in fen, zero or more (the ledger books it negated)
   */
  record Reversed(LineCommission after, long reversalFen) implements RefundOutcome {}

  /**
   * The refund was refused: it asks for more than the line still has standing.
   *
   * @param refundFen the refund asked for
   * @param standingFen what the line still had standing
   */
  record Exceeds(long refundFen, long standingFen) implements RefundOutcome {
    /** Why the refund was refused, for an operator. */
    public String message() {
      return "a refund of " + refundFen + " fen exceeds the " + standingFen + " fen the line still has standing";
    }
  }
}

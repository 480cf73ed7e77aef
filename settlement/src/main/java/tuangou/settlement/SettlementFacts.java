package tuangou.settlement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened, as the store records it, for a settlement run to book: order lines, refunds,
 * adjustments and payouts. Facts carry their own ids, which become the ledger's source references.
 *
 * @param lines order lines that may accrue commission
 * @param refunds refunds of those lines
 * @param adjustments bonuses and penalties decided for leaders
 * @param payouts money paid to leaders
 */
public record SettlementFacts(List<Line> lines, List<Refund> refunds, List<Adjustment> adjustments,
    List<Payout> payouts) {
  public SettlementFacts {
    lines = List.copyOf(lines);
    refunds = List.copyOf(refunds);
    adjustments = List.copyOf(adjustments);
    payouts = List.copyOf(payouts);
  }

  /** No facts at all. */
  public static SettlementFacts none() {
    return new SettlementFacts(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * An order line: {@code qty} (in the item's unit) at {@code unitPriceFen}, sold in {@code leaderId}'s
   * group at the rates in {@code rate}. {@code cutoffAt} and {@code pickedUpAt} are null until they
   * happen.
   */
  public record Line(long lineId, long leaderId, BigDecimal qty, long unitPriceFen, CommissionRate rate,
      OffsetDateTime cutoffAt, OffsetDateTime pickedUpAt) {
    public Line {
      Objects.requireNonNull(rate, "rate");
      Commission.paidFen(qty, unitPriceFen); // validates quantity and price up front
    }

    /** What the line paid, in fen, rounded half-up. */
    public long paidFen() {
      return Commission.paidFen(qty, unitPriceFen);
    }

    /** When the line starts to accrue under {@code point}; empty while that has not happened. */
    public Optional<OffsetDateTime> accruesAt(AccrualPoint point) {
      return Optional.ofNullable(point == AccrualPoint.PICKUP ? pickedUpAt : cutoffAt);
    }
  }

  /** A refund of {@code amountFen} (as recorded) on line {@code lineId}, recorded {@code at}. */
  public record Refund(long refundId, long lineId, long amountFen, OffsetDateTime at) {
    public Refund {
      Objects.requireNonNull(at, "at");
      if (amountFen < 0) {
        throw new IllegalArgumentException("refund " + refundId + " has a negative amount");
      }
    }
  }

  /** A bonus ({@code amountFen} > 0) or penalty (< 0) for a leader, decided {@code at}, for a reason. */
  public record Adjustment(long adjustmentId, long leaderId, long amountFen, String reason, OffsetDateTime at) {
    public Adjustment {
      Objects.requireNonNull(at, "at");
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("adjustment " + adjustmentId + " needs a reason");
      }
    }
  }

  /** {@code amountFen} (> 0) paid to a leader {@code at}. */
  public record Payout(long payoutId, long leaderId, long amountFen, OffsetDateTime at) {
    public Payout {
      Objects.requireNonNull(at, "at");
      if (amountFen <= 0) {
        throw new IllegalArgumentException("payout " + payoutId + " must pay something, not " + amountFen);
      }
    }
  }
}

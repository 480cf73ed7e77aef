package tuangou.settlement;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One line of a leader's commission ledger. The ledger is append-only: an entry is never changed or
 * removed, a correction is a new entry (a reversal, an adjustment). {@code source} names the fact the
 * entry books and is unique in the ledger, so settling the same facts again books nothing twice.
 *
 * <p>{@code amountFen} is signed as it moves the leader's balance (what the platform owes them):
 * accruals add, reversals and payouts subtract, adjustments do either.
 *
 * @param leaderId whose balance the entry moves
 * @param kind what kind of entry; {@code source} must carry its prefix
 * @param source the booked fact, e.g. {@code line:123}, {@code refund:45}, {@code adjustment:7}, {@code payout:9}
 * @param amountFen the signed effect on the balance, in fen
 * @param basis for accruals and reversals what the amount was computed on; null for the other kinds
 * @param reason why, for adjustments (required there); empty for the others unless given
 * @param bookedAt when the entry was booked, which decides the month of the statement it falls in
 */
public record LedgerEntry(long leaderId, EntryKind kind, String source, long amountFen, CommissionBasis basis,
    String reason, OffsetDateTime bookedAt) {
  public LedgerEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bookedAt, "bookedAt");
    reason = reason == null ? "" : reason;
    if (!kind.owns(source)) {
      throw new IllegalArgumentException(kind + " entries have sources like " + kind.source(1) + ", not " + source);
    }
    boolean commission = kind == EntryKind.ACCRUAL || kind == EntryKind.REVERSAL;
    if (commission != (basis != null)) {
      throw new IllegalArgumentException(kind + " entry " + source
          + (commission ? " needs the basis it was computed on" : " has no commission basis"));
    }
    boolean signOk = switch (kind) {
      case ACCRUAL -> amountFen >= 0;
      case REVERSAL -> amountFen <= 0;
      case ADJUSTMENT -> true;
      case PAYOUT -> amountFen < 0;
    };
    if (!signOk) {
      throw new IllegalArgumentException(kind + " entry " + source + " cannot move the balance by " + amountFen);
    }
    if (kind == EntryKind.ADJUSTMENT && reason.isBlank()) {
      throw new IllegalArgumentException("adjustment " + source + " needs a reason");
    }
  }

  /** Commission earned on a line that paid {@code paidFen} at {@code rateBp}. */
  public static LedgerEntry accrual(long leaderId, long lineId, long paidFen, int rateBp, OffsetDateTime at) {
    return new LedgerEntry(leaderId, EntryKind.ACCRUAL, EntryKind.ACCRUAL.source(lineId),
        Commission.commissionFen(paidFen, rateBp), new CommissionBasis(lineId, paidFen, rateBp), "", at);
  }

  /** Commission taken back ({@code reversalFen} ≥ 0, booked negated) by a refund of {@code refundFen}. */
  public static LedgerEntry reversal(long leaderId, long refundId, long lineId, long refundFen, int rateBp,
      long reversalFen, OffsetDateTime at) {
    return new LedgerEntry(leaderId, EntryKind.REVERSAL, EntryKind.REVERSAL.source(refundId), -reversalFen,
        new CommissionBasis(lineId, refundFen, rateBp), "", at);
  }

  /** A bonus ({@code amountFen} > 0) or penalty (< 0) for a reason. */
  public static LedgerEntry adjustment(long leaderId, long adjustmentId, long amountFen, String reason,
      OffsetDateTime at) {
    return new LedgerEntry(leaderId, EntryKind.ADJUSTMENT, EntryKind.ADJUSTMENT.source(adjustmentId), amountFen,
        null, reason, at);
  }

  /** {@code paidOutFen} (> 0) paid to the leader, booked as a negative amount. */
  public static LedgerEntry payout(long leaderId, long payoutId, long paidOutFen, OffsetDateTime at) {
    return new LedgerEntry(leaderId, EntryKind.PAYOUT, EntryKind.PAYOUT.source(payoutId), -paidOutFen, null, "", at);
  }
}

package tuangou.settlement;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A leader's monthly statement (对账单): the balance owed at the start of the month, what the month's
 * entries added or took away by kind, the balance at its end, and the entries behind the figures.
 * Built by {@link Statements#of}; the month runs from local midnight on its first day to local
 * midnight on the next month's first day, in {@code zone}.
 *
 * <p>Sums are signed as the entries are: {@code reversalsFen} and {@code payoutsFen} are zero or
 * negative. A {@link StatementState#CONFIRMED} statement is a locked snapshot: it can only be confirmed
 * once its month has ended, and entries are booked at the time of booking (see
 * {@link SettlementPlanner}), so nothing booked afterwards falls in its month.
 *
 * @param leaderId whose statement
 * @param month the calendar month in {@code zone}
 * @param zone the zone whose midnights bound the month (Asia/Shanghai)
 * @param openingFen the sum of every entry of the leader booked before the month
 * @param accrualsFen the month's accruals
 * @param reversalsFen the month's reversals, zero or negative
 * @param adjustmentsFen the month's adjustments, either sign
 * @param payoutsFen the month's payouts, zero or negative
 * @param entries the month's entries, in booking order
 * @param state draft or confirmed
 * @param confirmedAt when it was confirmed; null for a draft
 */
public record Statement(long leaderId, YearMonth month, ZoneId zone, long openingFen, long accrualsFen,
    long reversalsFen, long adjustmentsFen, long payoutsFen, List<LedgerEntry> entries, StatementState state,
    OffsetDateTime confirmedAt) {
  public Statement {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(state, "state");
    entries = List.copyOf(entries);
    if ((state == StatementState.CONFIRMED) != (confirmedAt != null)) {
      throw new IllegalArgumentException("a statement has a confirmation time exactly when it is confirmed");
    }
    checkEntries(leaderId, month, zone, entries, new long[] {accrualsFen, reversalsFen, adjustmentsFen, payoutsFen});
  }

  /** The balance at the end of the month: opening plus every signed sum of the month. */
  public long closingFen() {
    return openingFen + accrualsFen + reversalsFen + adjustmentsFen + payoutsFen;
  }

  /** The month's commission after refunds: accruals plus (negative) reversals. */
  public long commissionFen() {
    return accrualsFen + reversalsFen;
  }

  /** What the lines accrued this month paid, in fen: the sales behind {@link #accrualsFen()}. */
  public long salesFen() {
    return sumOfBases(EntryKind.ACCRUAL);
  }

  /** What the refunds reversed this month returned to residents, in fen. */
  public long refundedFen() {
    return sumOfBases(EntryKind.REVERSAL);
  }

  /** Local midnight starting the month, the first instant it covers. */
  public OffsetDateTime startsAt() {
    return midnightStarting(month, zone);
  }

  /** Local midnight starting the next month, the first instant it no longer covers. */
  public OffsetDateTime endsAt() {
    return midnightStarting(month.plusMonths(1), zone);
  }

  /** Whether {@code at} falls within the month. */
  public boolean covers(OffsetDateTime at) {
    return !at.isBefore(startsAt()) && at.isBefore(endsAt());
  }

  /**
   * A confirmed copy, locked at {@code at}. Confirming a confirmed statement returns it unchanged.
   *
   * @throws IllegalStateException when the month has not ended at {@code at}: its entries may still
   *     change, so there is nothing final to agree on
   */
  public Statement confirm(OffsetDateTime at) {
    if (state == StatementState.CONFIRMED) {
      return this;
    }
    if (at.isBefore(endsAt())) {
      throw new IllegalStateException("the statement of leader " + leaderId + " for " + month
          + " cannot be confirmed at " + at + ": the month ends at " + endsAt());
    }
    return new Statement(leaderId, month, zone, openingFen, accrualsFen, reversalsFen, adjustmentsFen, payoutsFen,
        entries, StatementState.CONFIRMED, at);
  }

  static OffsetDateTime midnightStarting(YearMonth month, ZoneId zone) {
    return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
  }

  // The figures must be the sums of the entries shown: a statement whose parts disagree is no statement.
  private static void checkEntries(long leaderId, YearMonth month, ZoneId zone, List<LedgerEntry> entries,
      long[] sums /* in EntryKind's order */) {
    OffsetDateTime start = midnightStarting(month, zone);
    OffsetDateTime end = midnightStarting(month.plusMonths(1), zone);
    long[] actual = new long[EntryKind.values().length];
    for (LedgerEntry e : entries) {
      if (e.leaderId() != leaderId || e.bookedAt().isBefore(start) || !e.bookedAt().isBefore(end)) {
        throw new IllegalArgumentException("entry " + e.source() + " is not leader " + leaderId + "'s in " + month);
      }
      actual[e.kind().ordinal()] += e.amountFen();
    }
    if (!Arrays.equals(actual, sums)) {
      throw new IllegalArgumentException("the statement's sums " + Arrays.toString(sums)
          + " are not those of its entries " + Arrays.toString(actual));
    }
  }

  private long sumOfBases(EntryKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).mapToLong(e -> e.basis().baseFen()).sum();
  }
}

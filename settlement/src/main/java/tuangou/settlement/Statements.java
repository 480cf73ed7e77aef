package tuangou.settlement;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Builds monthly statements from ledger entries. A statement is a function of the entries and the
 * month alone: the same entries always give the same figures, so a draft can be recomputed at will.
 */
public final class Statements {
  /** The zone whose calendar months statements follow. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Booking order: by time, then by source so that entries of one run come out the same every time. */
  static final Comparator<LedgerEntry> BOOKING_ORDER = Comparator
      .comparing(LedgerEntry::bookedAt, OffsetDateTime.timeLineOrder())
      .thenComparing(LedgerEntry::source);

  private Statements() {}

  /**
   * The draft statement of {@code leaderId} for {@code month} in Asia/Shanghai. {@code entries} may
   * hold the whole ledger: other leaders' entries and entries booked after the month are ignored.
   */
  public static Statement of(long leaderId, YearMonth month, Collection<LedgerEntry> entries) {
    return of(leaderId, month, entries, ZONE);
  }

  /** The draft statement of {@code leaderId} for {@code month} in {@code zone}. */
  public static Statement of(long leaderId, YearMonth month, Collection<LedgerEntry> entries, ZoneId zone) {
    OffsetDateTime start = Statement.midnightStarting(month, zone);
    OffsetDateTime end = Statement.midnightStarting(month.plusMonths(1), zone);
    long opening = 0;
    long[] byKind = new long[EntryKind.values().length];
    List<LedgerEntry> inMonth = new ArrayList<>();
    for (LedgerEntry e : entries) {
      if (e.leaderId() != leaderId || !e.bookedAt().isBefore(end)) {
        continue;
      }
      if (e.bookedAt().isBefore(start)) {
        opening = Math.addExact(opening, e.amountFen());
      } else {
        byKind[e.kind().ordinal()] = Math.addExact(byKind[e.kind().ordinal()], e.amountFen());
        inMonth.add(e);
      }
    }
    inMonth.sort(BOOKING_ORDER);
    return new Statement(leaderId, month, zone, opening, byKind[EntryKind.ACCRUAL.ordinal()],
        byKind[EntryKind.REVERSAL.ordinal()], byKind[EntryKind.ADJUSTMENT.ordinal()],
        byKind[EntryKind.PAYOUT.ordinal()], inMonth, StatementState.DRAFT, null);
  }

  /**
   * The draft statement of {@code leaderId} for {@code month} from the balance it opens with (the
   * previous month's closing) and the month's own entries, for runs over every leader that read
   * each month once rather than the whole history.
   */
  public static Statement of(long leaderId, YearMonth month, long openingFen, Collection<LedgerEntry> monthEntries,
      ZoneId zone) {
    Statement rest = of(leaderId, month, monthEntries, zone);
    if (rest.openingFen() != 0) {
      throw new IllegalArgumentException("entries booked before " + month + " were given with an opening balance");
    }
    return new Statement(leaderId, month, zone, openingFen, rest.accrualsFen(), rest.reversalsFen(),
        rest.adjustmentsFen(), rest.payoutsFen(), rest.entries(), StatementState.DRAFT, null);
  }

  /** Consecutive draft statements of {@code leaderId}, {@code from} to {@code to} inclusive. */
  public static List<Statement> between(long leaderId, YearMonth from, YearMonth to, Collection<LedgerEntry> entries) {
    List<Statement> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      out.add(of(leaderId, m, entries));
    }
    return out;
  }

  /** The month, in Asia/Shanghai, into which an entry booked at {@code at} falls. */
  public static YearMonth monthOf(OffsetDateTime at) {
    return YearMonth.from(at.atZoneSameInstant(ZONE));
  }
}

package tuangou.settlement;

import java.util.List;

/**
 * What a settlement run should book: the ledger entries still missing, in booking order, and the
 * facts it could not book.
 *
 * @param entries entries to append to the ledger, none of whose sources the ledger holds yet
 * @param rejections facts refused, with the reason; they are refused again on every run until the
 *     facts are corrected, and nothing is booked for them meanwhile
 * @param waiting sources of refunds whose line has not accrued yet; they are booked by the run that
 *     accrues the line (a refund of a line that never accrues reverses nothing)
 */
public record SettlementPlan(List<LedgerEntry> entries, List<Rejection> rejections, List<String> waiting) {
  public SettlementPlan {
    entries = List.copyOf(entries);
    rejections = List.copyOf(rejections);
    waiting = List.copyOf(waiting);
  }

  /** Whether the run has nothing to book. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * A fact the run refused to book.
   *
   * @param source the source reference the entry would have had, e.g. {@code refund:45}
   * @param reason why, for an operator
   */
  public record Rejection(String source, String reason) {}
}

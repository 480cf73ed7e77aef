package tuangou.bot.campaigns;

import tuangou.ordering.OrderLine;
import tuangou.store.StoredLine;

/** Between the store's rows and the ordering engine's lines. */
public final class StoredLines {
  private StoredLines() {}

  /** A line as the store keeps it, in its group. */
  public static OrderLine line(long groupId, StoredLine l) {
    return new OrderLine(l.key(), tuangou.ordering.Origin.parse(l.origin()), String.valueOf(groupId), l.customer(), l.label(), l.productId(), l.qty(),
        l.note(), l.sourceMsg());
  }
}

package tuangou.bot.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tuangou.ordering.InMemoryOrderBook;

/**
 * The order books of the groups this instance processed lately, kept between batches so that a
 * group's next message does not read all its chains and lines again. A book is lent to one batch
 * at a time and given back only when that batch committed: a batch that failed leaves nothing
 * behind, and the next one reads the book from the store. A book is used only for the campaign
 * and the write count it was given back with, so one changed meanwhile by another instance is read
 * again. The least recently used books are dropped once the books hold more lines than the bound.
 */
final class GroupBooks {
  /** A group's book as it was after the batch that wrote {@code version}. */
  record Kept(long campaignId, long version, InMemoryOrderBook book, int lines) {}

  private final int maxLines;
  private final LinkedHashMap<Long, Kept> books = new LinkedHashMap<>(256, 0.75f, true);
  private long lines;

  /** @param maxLines the lines all kept books may hold together; 0 keeps nothing */
  GroupBooks(int maxLines) {
    this.maxLines = maxLines;
  }

  /** A bound proportionate to the heap: about an eighth of it, at some 600 bytes a line. */
  static GroupBooks sizedToHeap() {
    return new GroupBooks((int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 8 / 600));
  }

  /** Lends the group's book if it is still the one of {@code campaignId} at {@code version}; it is no longer kept. */
  synchronized Optional<InMemoryOrderBook> lend(long groupId, long campaignId, long version) {
    Kept kept = books.remove(groupId);
    if (kept == null) {
      return Optional.empty();
    }
    lines -= kept.lines();
    return kept.campaignId() == campaignId && kept.version() == version ? Optional.of(kept.book()) : Optional.empty();
  }

  /** Keeps the group's book as a committed batch left it. */
  synchronized void giveBack(long groupId, long campaignId, long version, InMemoryOrderBook book) {
    int size = book.lineCount(String.valueOf(groupId));
    Kept old = books.put(groupId, new Kept(campaignId, version, book, size));
    lines += size - (old == null ? 0 : old.lines());
    var oldest = books.entrySet().iterator();
    while (lines > maxLines && oldest.hasNext()) {
      Map.Entry<Long, Kept> e = oldest.next();
      lines -= e.getValue().lines();
      oldest.remove();
    }
  }

  /** Forgets the group's book, as after a failed batch. */
  synchronized void forget(long groupId) {
    Kept kept = books.remove(groupId);
    if (kept != null) {
      lines -= kept.lines();
    }
  }

  synchronized int size() {
    return books.size();
  }
}

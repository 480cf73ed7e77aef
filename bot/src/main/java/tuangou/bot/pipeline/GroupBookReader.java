package tuangou.bot.pipeline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tuangou.bot.campaigns.StoredLines;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.StoredLine;
import tuangou.store.pg.PgGroupTransaction;

/**
 * A group's order book for a transaction: the one this instance kept since it last wrote the group,
 * if nobody wrote the group since, or else read from the store (its chains, its active lines and the
 * message said last).
 */
final class GroupBookReader {
  private final GroupBooks kept;

  GroupBookReader(GroupBooks kept) {
    this.kept = kept;
  }

  /** @param firstInboxId the first message the transaction processes: the one before it is "directly above" */
  Future<InMemoryOrderBook> book(PgGroupTransaction tx, ChatGroup group, Optional<Campaign> campaign,
      PgGroupTransaction.Pending pending, long firstInboxId) {
    if (campaign.isEmpty()) {
      kept.forget(group.id());
      return Future.succeededFuture(new InMemoryOrderBook());
    }
    return kept.lend(group.id(), campaign.get().id(), pending.bookVersion()).map(Future::succeededFuture)
        .orElseGet(() -> read(tx, group, campaign.get(), firstInboxId));
  }

  /** Keeps the book as a committed transaction left it, at the count it wrote. */
  void giveBack(long groupId, long campaignId, long version, InMemoryOrderBook book) {
    kept.giveBack(groupId, campaignId, version, book);
  }

  void forget(long groupId) {
    kept.forget(groupId);
  }

  private static Future<InMemoryOrderBook> read(PgGroupTransaction tx, ChatGroup group, Campaign campaign,
      long firstInboxId) {
    InMemoryOrderBook book = new InMemoryOrderBook();
    long cid = campaign.id();
    String g = String.valueOf(group.id());
    return Future.all(tx.chains(cid), tx.activeLines(cid), tx.previousMessage(firstInboxId)).map(loaded -> {
      Map<String, JsonObject> chains = loaded.resultAt(0);
      List<StoredLine> lines = loaded.resultAt(1);
      book.load(g, chains.values().stream().map(ChainStateJson::decode).toList(), lines.stream()
          .map(l -> StoredLines.line(group.id(), l)).toList());
      book.said(g, loaded.resultAt(2));
      return book;
    });
  }
}

package tuangou.bot.campaigns;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tuangou.store.Campaign;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgCatalog;

/**
 * A group and the campaign open in it, looked up once and kept for a few seconds: every message
 * needs them, and they change only through the admin API (which drops the cache here) or, on
 * another instance, at worst a few seconds late.
 */
public final class GroupDirectory {
  private static final Duration KEEP = Duration.ofSeconds(5);
  private final PgCatalog catalog;
  private final Map<Long, Entry> cache = new ConcurrentHashMap<>();
  private final Map<String, Long> chats = new ConcurrentHashMap<>();
  /**
   * Each campaign's items and groups, kept as long as a group: a campaign of thousands of groups
   * would otherwise be read whole for every group looked up (with 10,000 groups, 2.76 ms of the
   * service's CPU a message before, 1.21 ms after). Kept parts may go into a group kept as long, so
   * another instance's change shows at worst twice that late.
   */
  private final Map<Long, Parts> parts = new ConcurrentHashMap<>();

  private record Parts(Future<PgCatalog.CampaignParts> read, long loadedAt) {}

  public GroupDirectory(PgCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * A group and the campaign taking orders in it at {@code now}; when none is, the latest one that
   * stopped taking them (its residents still ask for their orders and pick up).
   */
  public record Found(ChatGroup group, Optional<Campaign> openCampaign, Optional<Campaign> closedCampaign) {
    /** The campaign messages are about: the open one, else the one just closed. */
    public Optional<Campaign> current() {
      return openCampaign.isPresent() ? openCampaign : closedCampaign;
    }
  }

  private record Entry(ChatGroup group, List<Campaign> campaigns, long loadedAt) {}

  public Future<Optional<Found>> lookup(long groupId, OffsetDateTime now) {
    Entry e = cache.get(groupId);
    if (e != null && System.nanoTime() - e.loadedAt < KEEP.toNanos()) {
      return Future.succeededFuture(Optional.of(found(e, now)));
    }
    return catalog.group(groupId).compose(group -> {
      if (group.isEmpty()) {
        return Future.succeededFuture(Optional.<Found>empty());
      }
      return catalog.campaignsOf(groupId, this::parts).map(campaigns -> {
        Entry fresh = new Entry(group.get(), campaigns, System.nanoTime());
        cache.put(groupId, fresh);
        return Optional.of(found(fresh, now));
      });
    });
  }

  /** The id of the group with this chat id on this channel; an unknown chat is asked for every time. */
  public Future<Optional<Long>> groupOf(String channel, String chatId) {
    Long known = chats.get(channel + '\u0000' + chatId);
    if (known != null) {
      return Future.succeededFuture(Optional.of(known));
    }
    return catalog.groupByChat(channel, chatId).map(g -> {
      g.ifPresent(group -> chats.put(channel + '\u0000' + chatId, group.id()));
      return g.map(ChatGroup::id);
    });
  }

  /** Forgets everything: a group or campaign was created or changed. */
  public void invalidate() {
    cache.clear();
    chats.clear();
    parts.clear();
  }

  /** A campaign's items and groups, read once for all the groups looked up within a few seconds. */
  private Future<PgCatalog.CampaignParts> parts(long campaignId) {
    Parts p = parts.get(campaignId);
    if (p != null && System.nanoTime() - p.loadedAt < KEEP.toNanos() && !p.read.failed()) {
      return p.read;
    }
    Future<PgCatalog.CampaignParts> read = catalog.campaignParts(campaignId);
    parts.put(campaignId, new Parts(read, System.nanoTime()));
    return read;
  }

  private static final java.util.Comparator<Campaign> LATEST = java.util.Comparator.comparing(Campaign::opensAt)
      .thenComparingLong(Campaign::id);

  private static Found found(Entry e, OffsetDateTime now) {
    return new Found(e.group, e.campaigns.stream().filter(c -> c.isOpenAt(now)).max(LATEST),
        e.campaigns.stream().filter(c -> !c.opensAt().isAfter(now) && !c.isOpenAt(now)).max(LATEST));
  }
}

package tuangou.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One round of group buying: open, then cut off, delivered, picked up. {@code announce}: the bot
 * posts the deal list and the cutoff reminder itself.
 */
public record Campaign(long id, String name, OffsetDateTime opensAt, OffsetDateTime cutoffAt,
    OffsetDateTime pickupAt, OffsetDateTime closedAt, List<CampaignItem> items, List<Long> groups, boolean announce) {
  public Campaign {
    items = List.copyOf(items);
    groups = List.copyOf(groups);
  }

  /** Whether orders are taken at {@code now}. */
  public boolean isOpenAt(OffsetDateTime now) {
    return !opensAt.isAfter(now) && (cutoffAt == null || cutoffAt.isAfter(now)) && closedAt == null;
  }
}

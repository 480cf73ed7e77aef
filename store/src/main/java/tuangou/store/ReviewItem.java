package tuangou.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Something the bot would not decide alone, waiting for the leader: an open question, a conflict
 * over someone's chain entry, or an after-sales message.
 *
 * @param campaignId null for an after-sales message in a group with no campaign
 * @param origin the chain entry or message it came from (the ordering engine's origin key)
 * @param kind {@code UNKNOWN}, {@code AMBIGUOUS}, {@code UNIT}, {@code CONFLICT} or {@link #AFTER_SALES}
 * @param displayName the resident's chat name, "" when unknown
 * @param choices item ids the bot offered, best first
 */
public record ReviewItem(long id, Long campaignId, long groupId, String origin, String customer, String displayName, String text,
    String kind, List<String> choices, OffsetDateTime createdAt) {
  public static final String AFTER_SALES = "AFTER_SALES";

  public ReviewItem {
    choices = List.copyOf(choices);
  }

  /** How the leader tells the resident apart: the chat name, else the id. */
  public String shownAs() {
    return displayName.isEmpty() ? customer : displayName;
  }
}

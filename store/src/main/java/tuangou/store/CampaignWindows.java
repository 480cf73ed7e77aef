package tuangou.store;

import java.time.Duration;

/** How long a campaign stays in a group's life after ordering stops. */
public final class CampaignWindows {
  private CampaignWindows() {}

  /**
   * After ordering stops, residents still ask for their orders and pick up, and reminders still
   * name who is left, for this long; after it the campaign leaves the group's view.
   */
  public static final Duration PICKUP = Duration.ofDays(3);

  /** {@link #PICKUP} as a PostgreSQL interval literal, for queries that filter by it. */
  public static final String PICKUP_SQL = "interval '" + PICKUP.toDays() + " days'";
}

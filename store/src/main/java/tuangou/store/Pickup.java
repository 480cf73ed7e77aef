package tuangou.store;

import java.time.OffsetDateTime;

/** A resident's pickup (取货) in one group of one campaign: the code they show, and when it was verified. */
public record Pickup(long campaignId, long groupId, String customer, String label, String displayName, String code,
    OffsetDateTime pickedAt, String pickedBy) {

  public boolean picked() {
    return pickedAt != null;
  }

  /** How the leader tells the resident apart: the label, else the chat name, else the id. */
  public String shownAs() {
    return !label.isEmpty() ? label : !displayName.isEmpty() ? displayName : customer;
  }
}

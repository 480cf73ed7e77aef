package tuangou.ordering.command;

/**
 * Where a resident's pickup code may be said. A code read out in the group could be collected by
 * anyone there, so it goes in private where the channel allows; in the group only where the leader
 * turned codes on for a group that cannot be messaged in private.
 */
public enum CodePolicy {
  /** The leader turned codes on in the group. */
  IN_GROUP,
  /** Sent to the resident in private; the group hears that it was. */
  PRIVATE,
  /** Neither: residents give their name or room at pickup. */
  NAME_AT_PICKUP
}

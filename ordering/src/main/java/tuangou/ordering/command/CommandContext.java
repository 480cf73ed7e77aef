package tuangou.ordering.command;

import java.util.List;
import java.util.OptionalLong;
import tuangou.ordering.OrderLine;
import tuangou.ordering.reply.Replies;

/**
 * What a command handler may know about the group when a command arrives, read beforehand in the
 * message's transaction: handlers decide from it and never read or write anything themselves.
 *
 * @param leader whether the sender runs the group
 * @param campaign whether the group has a campaign at all (taking orders, or being delivered)
 * @param open the campaign taking orders in the group, if any
 * @param delivering the campaign whose goods are coming or here: the latest closed one, else the open
 *     one (tomorrow's campaign is often open while today's is picked up)
 * @param arrived whether the delivering campaign's goods are at the pickup point
 * @param lines the open campaign's active lines of the group, this batch's changes included
 * @param pickups the delivering campaign's pickups in the group
 * @param pending the group's review queue: open questions, conflicts and after-sales messages
 * @param codes where the sender's pickup codes may be said
 */
public record CommandContext(String sender, String senderName, boolean leader, String groupName, boolean campaign,
    OptionalLong open, OptionalLong delivering, boolean arrived, List<OrderLine> lines, List<PickupView> pickups,
    List<ReviewView> pending, Replies replies, CodePolicy codes) {

  public CommandContext {
    lines = List.copyOf(lines);
    pickups = List.copyOf(pickups);
    pending = List.copyOf(pending);
  }

  /** A sender with no campaign in sight: a group between campaigns, or a leader's private chat. */
  public static CommandContext noCampaign(String sender, String senderName, boolean leader, String groupName) {
    return new CommandContext(sender, senderName, leader, groupName, false, OptionalLong.empty(), OptionalLong.empty(),
        false, List.of(), List.of(), List.of(), new Replies(List.of()), CodePolicy.PRIVATE);
  }

  /** The sender's own pickups, one per label when they ordered for neighbours. */
  public List<PickupView> ownPickups() {
    return pickups.stream().filter(p -> p.customer().equals(sender)).toList();
  }
}

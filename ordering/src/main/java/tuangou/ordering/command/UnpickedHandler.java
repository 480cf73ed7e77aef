package tuangou.ordering.command;

import java.util.List;
import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 未取: who has not collected their goods yet, for the leader. */
final class UnpickedHandler implements CommandHandler<Command.Unpicked> {
  @Override
  public Decision handle(Command.Unpicked command, CommandContext c) {
    return Refusals.noCampaign(command, c).or(() -> Refusals.notLeader(command, c))
        .or(() -> Refusals.nothingDelivering(c))
        .orElseGet(() -> Decision.reply(c.arrived() ? list(c) : Messages.text("not.arrived")));
  }

  private static String list(CommandContext c) {
    List<PickupView> unpicked = c.pickups().stream().filter(p -> !p.picked()).toList();
    if (unpicked.isEmpty()) {
      return Messages.text("unpicked.none", c.groupName());
    }
    // said in the group: codes only where the leader turned them on there
    List<String> rows = unpicked.stream().map(p -> c.codes() == CodePolicy.IN_GROUP
        ? Messages.text("arrival.line", p.shownAs(), p.code()) : Messages.text("arrival.name", p.shownAs())).toList();
    return Messages.text("unpicked.list", c.groupName(), unpicked.size(), String.join("\n", rows));
  }
}

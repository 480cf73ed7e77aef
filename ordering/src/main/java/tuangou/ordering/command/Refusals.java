package tuangou.ordering.command;

import java.util.Optional;
import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** The polite no's that several commands share, in the order they are checked. */
final class Refusals {
  private Refusals() {}

  /** A command about a campaign, in a group that has none. */
  static Optional<Decision> noCampaign(Command command, CommandContext c) {
    return c.campaign() ? Optional.empty()
        : Optional.of(Decision.reply(Messages.text("command.not.yet", c.senderName(), CommandNames.of(command))));
  }

  /** A leader's command from a resident. */
  static Optional<Decision> notLeader(Command command, CommandContext c) {
    return c.leader() ? Optional.empty()
        : Optional.of(Decision.reply(Messages.text("leader.only", c.senderName(), CommandNames.of(command))));
  }

  /** A step about goods that are not on their way in this group. */
  static Optional<Decision> nothingDelivering(CommandContext c) {
    return c.delivering().isPresent() ? Optional.empty() : Optional.of(Decision.reply(Messages.text("not.arrived")));
  }
}

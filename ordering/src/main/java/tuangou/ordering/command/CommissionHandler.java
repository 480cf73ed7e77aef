package tuangou.ordering.command;

import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/**
 * 佣金: the leader's figures go in private and the group sees a short note. A leader's commission
 * does not depend on a campaign running in the group.
 */
final class CommissionHandler implements CommandHandler<Command.Commission> {
  @Override
  public Decision handle(Command.Commission command, CommandContext c) {
    return Refusals.notLeader(command, c).orElseGet(() ->
        Decision.step(new Transition.SendCommission(command.lastMonth()), Messages.text("commission.sent", c.senderName())));
  }
}

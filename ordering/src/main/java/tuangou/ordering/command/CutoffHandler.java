package tuangou.ordering.command;

import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 截单: the leader closes ordering in the group; the tally follows as the transition's push. */
final class CutoffHandler implements CommandHandler<Command.Cutoff> {
  @Override
  public Decision handle(Command.Cutoff command, CommandContext c) {
    return Refusals.noCampaign(command, c).or(() -> Refusals.notLeader(command, c)).orElseGet(() ->
        c.open().isPresent()
            ? Decision.step(new Transition.CloseOrdering(c.open().getAsLong()), Messages.text("cutoff.done", c.groupName()))
            : Decision.reply(Messages.text("cutoff.already")));
  }
}

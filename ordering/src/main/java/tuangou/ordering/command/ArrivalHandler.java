package tuangou.ordering.command;

import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 到货: the leader says the goods are here; codes and notices follow as the transition's pushes. */
final class ArrivalHandler implements CommandHandler<Command.Arrival> {
  @Override
  public Decision handle(Command.Arrival command, CommandContext c) {
    return Refusals.noCampaign(command, c).or(() -> Refusals.notLeader(command, c))
        .or(() -> Refusals.nothingDelivering(c))
        .orElseGet(() -> Decision.step(new Transition.Arrive(c.delivering().getAsLong()), Messages.text("arrival.done")));
  }
}

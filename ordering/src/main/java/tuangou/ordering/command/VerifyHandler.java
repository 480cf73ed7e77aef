package tuangou.ordering.command;

import tuangou.parser.command.Command;

/** 核销: the leader marks a resident's goods collected, by code, label or name. */
final class VerifyHandler implements CommandHandler<Command.Verify> {
  @Override
  public Decision handle(Command.Verify command, CommandContext c) {
    return Refusals.noCampaign(command, c).or(() -> Refusals.notLeader(command, c))
        .or(() -> Refusals.nothingDelivering(c))
        .orElseGet(() -> Decision.step(new Transition.VerifyPickup(c.delivering().getAsLong(), command.target().strip(),
            "leader:" + c.sender())));
  }
}

package tuangou.ordering.command;

import java.util.List;
import tuangou.ordering.reply.Messages;
import tuangou.parser.command.Command;

/** 取货码: the sender's pickup codes, one per label when they ordered for neighbours. */
final class PickupCodeHandler implements CommandHandler<Command.PickupCode> {
  @Override
  public Decision handle(Command.PickupCode command, CommandContext c) {
    return Refusals.noCampaign(command, c).orElseGet(() -> {
      String codes = codes(c);
      return Decision.reply("@" + c.senderName() + " " + (codes.isEmpty() ? Messages.text("not.arrived") : codes));
    });
  }

  /** The sender's codes as lines, or "" when they have none yet. */
  static String codes(CommandContext c) {
    List<PickupView> own = c.ownPickups();
    return String.join("\n", own.stream().map(p -> Messages.text("orders.code", p.code())
        + (own.size() > 1 && !p.label().isEmpty() ? "（" + p.label() + "）" : "")
        + (p.picked() ? "（" + Messages.text("orders.picked") + "）" : "")).toList());
  }
}

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
      return codes.isEmpty() ? Decision.reply("@" + c.senderName() + " " + Messages.text("not.arrived"))
          : said(c, codes, "@" + c.senderName() + " ");
    });
  }

  /**
   * The reply {@code before} plus the codes, where the group may hear them; else a note, with the
   * codes in private where the channel allows.
   */
  static Decision said(CommandContext c, String codes, String before) {
    return switch (c.codes()) {
      case IN_GROUP -> Decision.reply(before + codes);
      case NAME_AT_PICKUP -> Decision.reply(before + Messages.text("orders.code.ask.leader"));
      case PRIVATE -> new Decision(List.of(before + Messages.text("orders.code.private")),
          List.of(Push.toPerson(c.sender(), codes, null)), List.of());
    };
  }

  /** The sender's codes as lines, or "" when they have none yet. */
  static String codes(CommandContext c) {
    List<PickupView> own = c.ownPickups();
    return String.join("\n", own.stream().map(p -> Messages.text("orders.code", p.code())
        + (own.size() > 1 && !p.label().isEmpty() ? "（" + p.label() + "）" : "")
        + (p.picked() ? "（" + Messages.text("orders.picked") + "）" : "")).toList());
  }
}

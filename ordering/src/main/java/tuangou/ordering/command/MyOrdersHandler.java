package tuangou.ordering.command;

import tuangou.ordering.reply.CommandReplies;
import tuangou.parser.command.Command;

/** 我的订单: the sender's lines and total, and their pickup codes once the goods are here. */
final class MyOrdersHandler implements CommandHandler<Command.MyOrders> {
  @Override
  public Decision handle(Command.MyOrders command, CommandContext c) {
    String orders = CommandReplies.myOrders(c.sender(), c.senderName(), c.lines(), c.replies());
    String codes = PickupCodeHandler.codes(c);
    return codes.isEmpty() ? Decision.reply(orders) : PickupCodeHandler.said(c, codes, orders + "\n");
  }
}

package tuangou.ordering;

import java.util.List;
import java.util.regex.Pattern;
import tuangou.ordering.command.Decision;
import tuangou.ordering.command.Push;
import tuangou.ordering.command.Transition;
import tuangou.ordering.reply.Messages;

/**
 * A resident's after-sales request (售后, 退款, 退货) in a group: the bot cannot judge a bruised
 * apple, so the request goes to the leader in private, stays in their review queue (待确认) until
 * they settle it, and the resident is told. No order changes.
 */
public final class AfterSales {
  private static final Pattern REQUEST = Pattern.compile("售后|退款|退货|退钱");

  private AfterSales() {}

  public static boolean isRequest(String text) {
    return text.length() <= 500 && REQUEST.matcher(text).find();
  }

  /**
   * Tells the leader ({@code leaderUser}, blank when the group has none) and answers the resident;
   * the push is keyed on the message, so a retried message tells the leader once.
   */
  public static Decision route(String groupName, String leaderUser, InboundMessage msg) {
    if (leaderUser == null || leaderUser.isBlank()) {
      return Decision.reply(Messages.text("aftersales.noleader", msg.senderName()));
    }
    Push toLeader = Push.toPerson(leaderUser, Messages.text("aftersales.leader", groupName, msg.senderName(),
        msg.text().strip()), "aftersales:" + msg.channel() + ":" + msg.msgId());
    return new Decision(List.of(Messages.text("aftersales.ack", msg.senderName())), List.of(toLeader),
        List.of(new Transition.KeepForReview()));
  }
}

package tuangou.parser.command;

import java.util.Objects;

/**
 * A command typed in chat. Residents: 我的订单/查单, 取货码, 帮助. Leaders: 汇总, 截单, 到货, 未取,
 * 核销, 佣金, 待确认. Cancelling and changing orders are order intents, not commands.
 */
public sealed interface Command permits Command.MyOrders, Command.PickupCode, Command.Help,
    Command.Summary, Command.Cutoff, Command.Arrival, Command.Unpicked, Command.Verify,
    Command.Commission, Command.Pending {

  /** 我的订单 / 查单: the sender's lines and total. */
  record MyOrders() implements Command {}

  /** 取货码: the sender's pickup code. */
  record PickupCode() implements Command {}

  /** 帮助: what the bot understands. */
  record Help() implements Command {}

  /** 汇总: the group's tally (leader). */
  record Summary() implements Command {}

  /** 截单: close ordering for the group (leader). */
  record Cutoff() implements Command {}

  /** 到货: goods are at the pickup point (leader). */
  record Arrival() implements Command {}

  /** 未取: who has not picked up yet (leader). */
  record Unpicked() implements Command {}

  /** 核销 &lt;code|label|name&gt;: verify a pickup (leader). */
  record Verify(String target) implements Command {
    public Verify {
      Objects.requireNonNull(target, "target");
      if (target.isBlank()) {
        throw new IllegalArgumentException("核销 needs a pickup code, label or name");
      }
    }
  }

  /** 佣金 / 佣金 上月: the leader's commission this month or last month. */
  record Commission(boolean lastMonth) implements Command {}

  /** 待确认: what the bot would not decide alone and the leader has not settled yet (leader). */
  record Pending() implements Command {}
}

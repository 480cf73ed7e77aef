package tuangou.ordering.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tuangou.ordering.OrderLine;

/** The texts of commands that read the group's orders: a resident's own orders, the group's tally. */
public final class CommandReplies {
  private CommandReplies() {}

  /** 我的订单: the lines of {@code sender} ({@code name}) among the group's {@code lines}, with the total. */
  public static String myOrders(String sender, String name, List<OrderLine> lines, Replies replies) {
    List<String> rows = new ArrayList<>();
    long total = 0;
    for (OrderLine l : lines) {
      if (l.customer().equals(sender)) {
        rows.add(Messages.text("line", replies.describe(l.item(), l.qty()), Money.yuan(replies.amountFen(l)) + "元",
            l.note().isEmpty() ? "" : "（" + l.note() + "）"));
        total += replies.amountFen(l);
      }
    }
    if (rows.isEmpty()) {
      return Messages.text("orders.mine.empty", name);
    }
    return Messages.text("orders.mine", name, String.join("\n", rows), Money.yuan(total));
  }

  /** A group's tally: what was ordered, by how many people, for how much. */
  public static String summary(String groupName, List<OrderLine> lines, Replies replies) {
    if (lines.isEmpty()) {
      return Messages.text("summary.empty", groupName);
    }
    Tally t = tally(lines, replies);
    return Messages.text("summary.title", groupName, t.customers(), t.rows(), Money.yuan(t.totalFen()));
  }

  /** Per item the quantity and amount (one row each), the residents who ordered, the total in fen. */
  public record Tally(int customers, String rows, long totalFen) {}

  public static Tally tally(List<OrderLine> lines, Replies replies) {
    Map<String, java.math.BigDecimal> byItem = new LinkedHashMap<>();
    Map<String, Long> amount = new LinkedHashMap<>();
    LinkedHashSet<String> customers = new LinkedHashSet<>();
    long total = 0;
    for (OrderLine l : lines) {
      byItem.merge(l.item(), l.qty(), java.math.BigDecimal::add);
      amount.merge(l.item(), replies.amountFen(l), Long::sum);
      customers.add(l.customer() + '\u0000' + l.label());
      total += replies.amountFen(l);
    }
    List<String> rows = new ArrayList<>();
    byItem.forEach((item, qty) -> rows.add(Messages.text("line", replies.describe(item, qty),
        Money.yuan(amount.get(item)) + "元", "")));
    return new Tally(customers.size(), String.join("\n", rows), total);
  }
}

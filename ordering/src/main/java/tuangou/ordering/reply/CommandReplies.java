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

  /**
   * 我的订单: what {@code sender} ({@code name}) holds among the group's {@code lines}, one row per
   * item (per label and item when they order for neighbours too), with the total.
   */
  public static String myOrders(String sender, String name, List<OrderLine> lines, Replies replies) {
    Map<String, List<OrderLine>> rows = new LinkedHashMap<>();
    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (OrderLine l : lines) {
      if (l.customer().equals(sender)) {
        rows.computeIfAbsent(l.label() + '\u0000' + l.item(), k -> new ArrayList<>()).add(l);
        labels.add(l.label());
      }
    }
    if (rows.isEmpty()) {
      return Messages.text("orders.mine.empty", name);
    }
    List<String> text = new ArrayList<>();
    long total = 0;
    for (List<OrderLine> same : rows.values()) {
      OrderLine first = same.get(0);
      java.math.BigDecimal qty = same.stream().map(OrderLine::qty).reduce(java.math.BigDecimal.ZERO,
          java.math.BigDecimal::add);
      long fen = same.stream().mapToLong(replies::amountFen).sum();
      String notes = String.join("，", same.stream().map(OrderLine::note).filter(n -> !n.isEmpty()).distinct().toList());
      String who = labels.size() > 1 && !first.label().isEmpty() ? first.label() + "：" : "";
      text.add(Messages.text("line", who + replies.describe(first.item(), qty), Money.yuan(fen) + "元",
          notes.isEmpty() ? "" : "（" + notes + "）"));
      total += fen;
    }
    return Messages.text("orders.mine", name, String.join("\n", text), Money.yuan(total));
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

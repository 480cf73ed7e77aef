package tuangou.bot.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import tuangou.ordering.OrderLine;

/** Orders in the replay contract's shape, shared by replay and the admin API. */
public final class OrdersJson {
  private OrdersJson() {}

  /**
   * One order per (group, customer, label), lines in the order they were made.
   *
   * @param groupValue how a group is written out (the chat id in replay, the group id in the API)
   */
  public static JsonArray orders(List<OrderLine> lines, Function<String, Object> groupValue) {
    Map<String, JsonObject> orders = new LinkedHashMap<>();
    for (OrderLine line : lines) {
      JsonObject order = orders.computeIfAbsent(line.group() + '\u0000' + line.customer() + '\u0000' + line.label(),
          k -> new JsonObject().put("group", groupValue.apply(line.group())).put("customer", line.customer())
              .put("label", line.label()).put("lines", new JsonArray()));
      order.getJsonArray("lines").add(new JsonObject()
          .put("item", line.item())
          .put("qty", number(line.qty()))
          .put("note", line.note())
          .put("source", line.source()));
    }
    return new JsonArray(List.copyOf(orders.values()));
  }

  /** Quantity per item, items in id order. */
  public static Map<String, BigDecimal> totals(List<OrderLine> lines) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    lines.forEach(l -> totals.merge(l.item(), l.qty(), BigDecimal::add));
    return totals;
  }

  /** 2 rather than 2.0 or 2E+0; 0.5 stays 0.5. */
  public static Number number(BigDecimal qty) {
    BigDecimal q = qty.stripTrailingZeros();
    if (q.scale() <= 0) {
      return q.longValueExact();
    }
    return q;
  }
}

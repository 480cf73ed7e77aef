package tuangou.bot.lifecycle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tuangou.bot.export.Cell;
import tuangou.bot.export.Table;
import tuangou.bot.export.Workbook;
import tuangou.bot.replay.OrdersJson;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgFulfilment;

/**
 * The purchase summary (采购汇总): what to buy of each item for the whole campaign and per group, with
 * what each gets after a shortage ({@code allocatedQty}), sales, shortage refunds and cost.
 */
public final class PurchaseSummary {
  private PurchaseSummary() {}

  /**
   * {@code {"campaign", "totals": [item total + receivedQty], "groups": [{group, name, pickupPoint,
   * customers, totals}]}}, groups with orders only, by id.
   */
  public static JsonObject json(Fulfilment f) {
    JsonArray totals = new JsonArray();
    for (Fulfilment.ItemTotal t : f.totals(f.lines())) {
      BigDecimal received = f.received(t.item().productId());
      totals.add(t.json().put("receivedQty", received == null ? null : OrdersJson.number(received)));
    }
    JsonArray groups = new JsonArray();
    byGroup(f).forEach((g, lines) -> groups.add(new JsonObject().put("group", g.id()).put("name", g.name())
        .put("pickupPoint", g.pickupPoint()).put("customers", customers(lines))
        .put("totals", new JsonArray(f.totals(lines).stream().map(Fulfilment.ItemTotal::json).toList()))));
    return new JsonObject().put("campaign", f.campaign().id()).put("totals", totals).put("groups", groups);
  }

  /** Two sheets: the totals, and the totals of each group one after another. */
  public static Workbook workbook(Fulfilment f) {
    Table.Builder totals = Table.builder("采购汇总", "序号", "商品", "单位", "下单数量", "实发数量", "到货数量",
        "售价", "销售额", "缺货退款", "成本价", "成本");
    for (Fulfilment.ItemTotal t : f.totals(f.lines())) {
      BigDecimal received = f.received(t.item().productId());
      Long cost = t.item().costFen();
      totals.row(t.item().no() == Integer.MAX_VALUE ? Cell.text("") : Cell.integer(t.item().no()),
          Cell.text(t.item().name()), Cell.text(t.item().unit()), Cell.quantity(t.qty()), Cell.quantity(t.allocated()),
          received == null ? Cell.text("") : Cell.quantity(received), Cell.money(t.item().priceFen()),
          Cell.money(t.amountFen()), Cell.money(t.refundFen()), cost == null ? Cell.text("") : Cell.money(cost),
          t.costFen() == null ? Cell.text("") : Cell.money(t.costFen()));
    }
    Table.Builder perGroup = Table.builder("各群明细", "群", "自提点", "商品", "单位", "下单数量", "实发数量",
        "销售额", "缺货退款");
    byGroup(f).forEach((g, lines) -> f.totals(lines).forEach(t -> perGroup.row(Cell.text(g.name()),
        Cell.text(g.pickupPoint() == null ? "" : g.pickupPoint()), Cell.text(t.item().name()),
        Cell.text(t.item().unit()), Cell.quantity(t.qty()), Cell.quantity(t.allocated()), Cell.money(t.amountFen()),
        Cell.money(t.refundFen()))));
    return Workbook.of(totals.build(), perGroup.build());
  }

  /** The lines of each group that has any, groups in id order. */
  private static Map<ChatGroup, List<PgFulfilment.Line>> byGroup(Fulfilment f) {
    Map<Long, List<PgFulfilment.Line>> lines = new LinkedHashMap<>();
    f.lines().forEach(l -> lines.computeIfAbsent(l.groupId(), k -> new ArrayList<>()).add(l));
    Map<ChatGroup, List<PgFulfilment.Line>> out = new LinkedHashMap<>();
    for (ChatGroup g : f.groups()) {
      List<PgFulfilment.Line> of = lines.get(g.id());
      if (of != null) {
        out.put(g, of);
      }
    }
    return out;
  }

  /** Residents who ordered: one per customer and label (a leader ordering for others has several labels). */
  private static long customers(List<PgFulfilment.Line> lines) {
    return lines.stream().map(l -> l.customer() + '\u0000' + l.label()).distinct().count();
  }
}

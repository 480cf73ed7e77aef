package tuangou.bot.lifecycle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tuangou.bot.export.Cell;
import tuangou.bot.export.Table;
import tuangou.bot.export.Workbook;
import tuangou.bot.replay.OrdersJson;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgFulfilment;

/**
 * The sorting lists (分拣单): per group and pickup point, each resident's lines with what they get
 * after a shortage, so that goods can be split into bags before they reach the pickup point.
 * Residents are in label order (their name when they have no label), numbers compared as numbers
 * ("3-1-201" before "10-1-101"); each resident's lines in the order they were made.
 *
 * <p>A line's {@code amountFen} is what the resident pays for what they get: the line at the campaign
 * price less its shortage refund ({@code refundFen}).
 */
public final class SortingList {
  private static final String[] HEADERS = {"序号", "住户", "昵称", "商品", "下单数量", "实发数量", "单位", "金额",
      "缺货退款", "备注"};

  private SortingList() {}

  /** One resident of a group: a customer under one label. */
  private record Resident(String customer, String label, String name, List<PgFulfilment.Line> lines) {}

  private static final Comparator<Resident> ORDER = Comparator
      .comparing((Resident r) -> r.label().isEmpty() ? r.name() : r.label(), NaturalOrder.INSTANCE)
      .thenComparing(Resident::customer);

  /** {@code {"campaign", "groups": [...]}}: the groups with orders, or just {@code onlyGroup} when given. */
  public static JsonObject json(Fulfilment f, Long onlyGroup) {
    JsonArray groups = new JsonArray();
    residents(f, onlyGroup).forEach((g, residents) -> {
      JsonArray list = new JsonArray();
      List<PgFulfilment.Line> all = new ArrayList<>();
      for (Resident r : residents) {
        JsonArray lines = new JsonArray();
        long amount = 0;
        long refund = 0;
        for (PgFulfilment.Line l : r.lines()) {
          CampaignItem item = f.item(l.productId());
          long net = f.amountFen(l) - l.refundFen();
          lines.add(new JsonObject().put("item", l.productId()).put("name", item.name())
              .put("qty", OrdersJson.number(l.qty())).put("allocatedQty", OrdersJson.number(l.allocatedQty()))
              .put("unit", item.unit()).put("amountFen", net).put("refundFen", l.refundFen()).put("note", l.note()));
          amount += net;
          refund += l.refundFen();
        }
        all.addAll(r.lines());
        list.add(new JsonObject().put("customer", r.customer()).put("label", r.label()).put("name", r.name())
            .put("lines", lines).put("amountFen", amount).put("refundFen", refund));
      }
      groups.add(new JsonObject().put("groupId", g.id()).put("name", g.name()).put("pickupPoint", g.pickupPoint())
          .put("residents", list).put("totals", totals(f, all)));
    });
    return new JsonObject().put("campaign", f.campaign().id()).put("groups", groups);
  }

  /**
   * Group totals per item; {@code amountFen} net of shortage refunds, like the lines. No cost: sorting
   * lists go to leaders and pickup points, the platform's cost is not theirs to see.
   */
  private static JsonArray totals(Fulfilment f, List<PgFulfilment.Line> lines) {
    return new JsonArray(f.totals(lines).stream().map(t -> {
      JsonObject json = t.json().put("amountFen", t.amountFen() - t.refundFen());
      json.remove("costFen");
      return json;
    }).toList());
  }

  /** One sheet (CSV: one section) per group: the residents' lines, then a total row per item. */
  public static Workbook workbook(Fulfilment f, Long onlyGroup) {
    List<Table> tables = new ArrayList<>();
    residents(f, onlyGroup).forEach((g, residents) -> {
      Table.Builder t = Table.builder(title(g), HEADERS);
      List<PgFulfilment.Line> all = new ArrayList<>();
      int n = 0;
      for (Resident r : residents) {
        n++;
        for (PgFulfilment.Line l : r.lines()) {
          CampaignItem item = f.item(l.productId());
          t.row(Cell.integer(n), Cell.text(r.label()), Cell.text(r.name()), Cell.text(item.name()),
              Cell.quantity(l.qty()), Cell.quantity(l.allocatedQty()), Cell.text(item.unit()),
              Cell.money(f.amountFen(l) - l.refundFen()), Cell.money(l.refundFen()), Cell.text(l.note()));
        }
        all.addAll(r.lines());
      }
      for (Fulfilment.ItemTotal total : f.totals(all)) {
        t.row(Cell.text(""), Cell.text("合计"), Cell.text(""), Cell.text(total.item().name()),
            Cell.quantity(total.qty()), Cell.quantity(total.allocated()), Cell.text(total.item().unit()),
            Cell.money(total.amountFen() - total.refundFen()), Cell.money(total.refundFen()), Cell.text(""));
      }
      tables.add(t.build());
    });
    if (tables.isEmpty()) {
      tables.add(Table.builder("分拣单", HEADERS).build());
    }
    return new Workbook(tables);
  }

  /** "幸福里（3号楼团购群）", or the group's name when it has no pickup point. */
  static String title(ChatGroup g) {
    String pickup = g.pickupPoint() == null ? "" : g.pickupPoint().strip();
    return pickup.isEmpty() || pickup.equals(g.name()) ? g.name() : pickup + "（" + g.name() + "）";
  }

  /** The residents of each group to show, in order; groups in id order. */
  private static Map<ChatGroup, List<Resident>> residents(Fulfilment f, Long onlyGroup) {
    Map<Long, Map<String, Resident>> byGroup = new LinkedHashMap<>();
    for (PgFulfilment.Line l : f.lines()) {
      byGroup.computeIfAbsent(l.groupId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(l.customer() + '\u0000' + l.label(),
              k -> new Resident(l.customer(), l.label(), l.displayName(), new ArrayList<>()))
          .lines().add(l);
    }
    Map<ChatGroup, List<Resident>> out = new LinkedHashMap<>();
    for (ChatGroup g : f.groups()) {
      Map<String, Resident> residents = byGroup.get(g.id());
      if (onlyGroup != null ? g.id() == onlyGroup : residents != null) {
        List<Resident> sorted = residents == null ? List.of()
            : residents.values().stream().sorted(ORDER).toList();
        out.put(g, sorted);
      }
    }
    return out;
  }
}

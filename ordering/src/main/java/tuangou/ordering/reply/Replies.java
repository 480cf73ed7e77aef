package tuangou.ordering.reply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tuangou.ordering.OrderChange;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Outcome;
import tuangou.ordering.Unresolved;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.order.UnresolvedMention.Reason;

/**
 * What the bot says after a message: short confirmations for free-text orders, a question for
 * what it could not resolve, nothing for a chain re-post or chatter, so the group is not flooded.
 */
public final class Replies {
  private final Map<String, CatalogItem> items = new LinkedHashMap<>();

  public Replies(List<CatalogItem> catalog) {
    catalog.forEach(i -> items.put(i.id(), i));
  }

  /**
   * The replies to one processed message from {@code sender} ({@code name}); {@code before} are
   * their lines before it.
   */
  public List<String> after(Outcome outcome, String sender, String name, List<OrderLine> before) {
    List<String> out = new ArrayList<>();
    Interpretation in = outcome.interpretation();
    if (in instanceof Interpretation.OrderText order) {
      orderReply(order, outcome, name, before).ifPresent(out::add);
    }
    if (in instanceof Interpretation.ChainPost) {
      chainReply(outcome, sender, name, before).ifPresent(out::add);
    }
    if (!outcome.opened().isEmpty()) {
      out.add(question(outcome.opened().get(0), name));
    }
    return out;
  }

  /** What one message did to a resident's lines: their quantity per item before and after, and the items touched. */
  private record Effect(Map<String, BigDecimal> was, Map<String, BigDecimal> now, Set<String> touched) {}

  /** The effect of {@code outcome} on {@code before}; lines it adds count when {@code customer} made them (any, if null). */
  private static Effect effect(Outcome outcome, List<OrderLine> before, String customer) {
    Map<String, OrderLine> lines = new LinkedHashMap<>();
    before.forEach(l -> lines.put(l.key(), l));
    Map<String, BigDecimal> was = totals(lines.values());
    Set<String> touched = new LinkedHashSet<>();
    for (OrderChange c : outcome.changes()) {
      if (c instanceof OrderChange.Add add && (customer == null || add.line().customer().equals(customer))) {
        touched.add(add.line().item());
        lines.put(add.key(), add.line());
      } else if (c instanceof OrderChange.Update u && lines.containsKey(u.key())) {
        OrderLine old = lines.get(u.key());
        touched.add(old.item());
        lines.put(u.key(), old.withQty(u.qty(), u.note(), u.source()));
      } else if (c instanceof OrderChange.Cancel x && lines.containsKey(x.key())) {
        touched.add(lines.remove(x.key()).item());
      }
    }
    return new Effect(was, totals(lines.values()), touched);
  }

  /**
   * What a free-text order did, said as the result for each item it touched: the resident's
   * quantity now ({@code 蓝莓共3盒}, {@code 苹果还剩2斤}), or {@code 已取消：草莓}. A cancellation
   * that matched nothing says what they do hold.
   */
  private Optional<String> orderReply(Interpretation.OrderText order, Outcome outcome, String name, List<OrderLine> before) {
    Effect e = effect(outcome, before, null);
    if (e.touched().isEmpty()) {
      if (order.intent() != Interpretation.Intent.CANCEL) {
        return Optional.empty();
      }
      return Optional.of(e.was().isEmpty() ? Messages.text("order.nothing.to.cancel", name)
          : Messages.text("order.nothing.matched", name, holding(e.was())));
    }
    if (order.intent() == Interpretation.Intent.CANCEL && e.now().isEmpty() && order.entries().isEmpty()) {
      return Optional.of(Messages.text("order.cancelled.all", name));
    }
    String verb = switch (order.intent()) {
      case ORDER, SAME_AS_ABOVE -> "order.verb.added";
      case CANCEL -> "order.verb.reduced";
      case CHANGE, SWAP, CORRECT -> "order.verb.changed";
    };
    return Optional.of(Messages.text("order.result", name, result(e, verb)));
  }

  /**
   * A chain post is acknowledged once, briefly, and only for what it changed of the poster's own
   * lines; a re-post that changed nothing for them, or only other people's entries, is not answered.
   */
  private Optional<String> chainReply(Outcome outcome, String sender, String name, List<OrderLine> before) {
    Effect e = effect(outcome, before, sender);
    return e.touched().isEmpty() ? Optional.empty()
        : Optional.of(Messages.text("order.result", name, result(e, "order.verb.chain")));
  }

  /** "已记下：蓝莓共3盒、草莓2盒；已取消：五花": each touched item's quantity now, or that it is gone. */
  private String result(Effect e, String verb) {
    List<String> results = new ArrayList<>();
    List<String> cancelled = new ArrayList<>();
    for (String item : e.touched()) {
      BigDecimal after = e.now().getOrDefault(item, BigDecimal.ZERO);
      BigDecimal before = e.was().getOrDefault(item, BigDecimal.ZERO);
      if (after.signum() == 0) {
        cancelled.add(shortName(item));
      } else if (before.signum() == 0 || after.compareTo(before) == 0) {
        results.add(describe(item, after));
      } else {
        results.add(Messages.text(after.compareTo(before) > 0 ? "order.total" : "order.left", shortName(item),
            Money.qty(after) + unit(item)));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!results.isEmpty()) {
      parts.add(Messages.text(verb, String.join("、", results)));
    }
    if (!cancelled.isEmpty()) {
      parts.add(Messages.text("order.verb.cancelled", String.join("、", cancelled)));
    }
    return String.join("；", parts);
  }

  /** Quantity per item over {@code lines}, in the order the items were first ordered. */
  private static Map<String, BigDecimal> totals(java.util.Collection<OrderLine> lines) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    lines.forEach(l -> out.merge(l.item(), l.qty(), BigDecimal::add));
    return out;
  }

  /** "蓝莓1盒、苹果2斤": what a resident holds, one item each. */
  public String holding(Map<String, BigDecimal> byItem) {
    return byItem.entrySet().stream().map(e -> describe(e.getKey(), e.getValue())).collect(Collectors.joining("、"));
  }

  private String unit(String itemId) {
    CatalogItem item = items.get(itemId);
    return item == null ? "" : item.unit();
  }

  /** A question back for a mention the bot would not guess. */
  public String question(Unresolved u, String name) {
    Reason reason = u.reason();
    if (reason == Reason.AMBIGUOUS) {
      // numbered by deal number, so that a number means the same item here as in the deal list
      List<String> choices = new ArrayList<>();
      for (String id : u.candidates()) {
        CatalogItem item = items.get(id);
        choices.add(item == null ? id : item.no() + "." + item.name());
      }
      return Messages.text("question.ambiguous", name, u.text(), String.join(" 还是 ", choices));
    }
    if (reason == Reason.UNIT && !u.candidates().isEmpty() && items.containsKey(u.candidates().get(0))) {
      CatalogItem item = items.get(u.candidates().get(0));
      return Messages.text("question.unit", name, shortName(item.id()), item.unit(), u.text());
    }
    if (reason == Reason.CONFLICT) {
      return Messages.text("question.conflict", name, u.text());
    }
    if (u.candidates().isEmpty() && u.namesNothing()) {
      // "+1" or "2" alone: nothing to be unknown, just which deal
      return Messages.text("question.which", name);
    }
    return Messages.text("question.unknown", name, u.text(), dealList(u.candidates()));
  }

  /** At most this many deals in a question: a city-wide catalog would not fit in a chat message. */
  static final int MAX_DEALS_LISTED = 12;

  /**
   * "1.云南蓝莓 2.丹东草莓 …": the items closest to what was written when there are any, else the
   * day's deals by number, cut to {@value #MAX_DEALS_LISTED} with the count of the rest.
   */
  public String dealList(List<String> closest) {
    List<CatalogItem> shown = closest.stream().map(items::get).filter(java.util.Objects::nonNull).toList();
    if (shown.isEmpty()) {
      shown = List.copyOf(items.values());
    }
    String list = shown.stream().limit(MAX_DEALS_LISTED).map(i -> i.no() + "." + i.name())
        .collect(Collectors.joining(" "));
    return shown.size() > MAX_DEALS_LISTED ? list + " 等" + shown.size() + "款" : list;
  }

  /** "苹果2斤". */
  public String describe(String itemId, BigDecimal qty) {
    CatalogItem item = items.get(itemId);
    return shortName(itemId) + Money.qty(qty) + (item == null ? "" : item.unit());
  }

  /** The shortest name residents know the item by. */
  public String shortName(String itemId) {
    CatalogItem item = items.get(itemId);
    if (item == null) {
      return itemId;
    }
    return item.aliases().isEmpty() ? item.name() : item.aliases().get(0);
  }

  public long amountFen(OrderLine line) {
    CatalogItem item = items.get(line.item());
    return item == null ? 0 : Money.amountFen(line.qty(), item.priceFen());
  }
}

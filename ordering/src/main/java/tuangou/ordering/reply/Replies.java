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

  /** The replies to one processed message from {@code name}; {@code before} are the lines it started from. */
  public List<String> after(Outcome outcome, String name, List<OrderLine> before) {
    List<String> out = new ArrayList<>();
    Interpretation in = outcome.interpretation();
    if (in instanceof Interpretation.OrderText order) {
      orderReply(order, outcome, name, before).ifPresent(out::add);
    }
    if (!outcome.opened().isEmpty()) {
      out.add(question(outcome.opened().get(0), name));
    }
    return out;
  }

  private Optional<String> orderReply(Interpretation.OrderText order, Outcome outcome, String name, List<OrderLine> before) {
    Map<String, OrderLine> old = new LinkedHashMap<>();
    before.forEach(l -> old.put(l.key(), l));
    List<String> added = new ArrayList<>();
    Set<String> touched = new LinkedHashSet<>();
    Map<String, BigDecimal> changedTo = new LinkedHashMap<>();
    for (OrderChange c : outcome.changes()) {
      if (c instanceof OrderChange.Add add) {
        added.add(describe(add.line().item(), add.line().qty()));
        changedTo.merge(add.line().item(), add.line().qty(), BigDecimal::add);
      } else if (c instanceof OrderChange.Update u && old.containsKey(u.key())) {
        touched.add(old.get(u.key()).item());
        changedTo.merge(old.get(u.key()).item(), u.qty(), BigDecimal::add);
      } else if (c instanceof OrderChange.Cancel x && old.containsKey(x.key())) {
        touched.add(old.get(x.key()).item());
      }
    }
    return switch (order.intent()) {
      case ORDER, SAME_AS_ABOVE -> added.isEmpty() ? Optional.empty()
          : Optional.of(Messages.text("order.added", name, String.join("、", added)));
      case CANCEL -> {
        if (touched.isEmpty()) {
          yield Optional.of(Messages.text("order.nothing.to.cancel", name));
        }
        yield Optional.of(order.entries().isEmpty() ? Messages.text("order.cancelled.all", name)
            : Messages.text("order.cancelled", name, touched.stream().map(this::shortName).collect(Collectors.joining("、"))));
      }
      case CHANGE, SWAP, CORRECT -> changedTo.isEmpty()
          ? (added.isEmpty() ? Optional.empty() : Optional.of(Messages.text("order.added", name, String.join("、", added))))
          : Optional.of(Messages.text("order.changed", name,
          changedTo.entrySet().stream().map(e -> describe(e.getKey(), e.getValue())).collect(Collectors.joining("、"))));
    };
  }

  /** A question back for a mention the bot would not guess. */
  public String question(Unresolved u, String name) {
    Reason reason = u.reason();
    if (reason == Reason.AMBIGUOUS) {
      List<String> choices = new ArrayList<>();
      for (int i = 0; i < u.candidates().size(); i++) {
        CatalogItem item = items.get(u.candidates().get(i));
        choices.add((i + 1) + "." + (item == null ? u.candidates().get(i) : item.name()));
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

package tuangou.ordering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tuangou.parser.entry.ParsedEntry;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.order.MentionResolver;
import tuangou.parser.order.Resolution;
import tuangou.parser.order.ResolvedLine;

/**
 * Applies one free-form order message ({@code 苹果+1}, {@code 取消香蕉}, {@code 香蕉改成3把}) to
 * the sender's lines in the group, whether those came from a chain or from earlier messages.
 */
final class FreeText {
  private final InboundMessage msg;
  private final GroupState state;
  private final MentionResolver resolver;
  private final Origin origin;
  private final List<OrderChange> changes = new ArrayList<>();
  private final List<Unresolved> opened = new ArrayList<>();
  /** The sender's lines as this message has left them so far, so two mentions of one item add up. */
  private final List<OrderLine> current;

  FreeText(InboundMessage msg, GroupState state, MentionResolver resolver) {
    this.msg = msg;
    this.state = state;
    this.resolver = resolver;
    this.origin = new Origin.Message(msg.msgId());
    this.current = new ArrayList<>(state.linesOf(msg.sender()));
  }

  Outcome apply(Interpretation in, Interpretation.OrderText order) {
    if (order.intent() == Interpretation.Intent.CANCEL && order.entries().isEmpty()) {
      current.forEach(l -> changes.add(new OrderChange.Cancel(l.key(), msg.msgId())));
      return outcome(in);
    }
    List<ResolvedLine> toAdd = new ArrayList<>();
    String label = "";
    for (int k = 0; k < order.entries().size(); k++) {
      ParsedEntry entry = order.entries().get(k);
      Interpretation.Intent intent = order.intents().get(k);
      if (intent == Interpretation.Intent.SAME_AS_ABOVE) {
        sameAsAbove(entry, toAdd);
        continue;
      }
      if (intent == Interpretation.Intent.SWAP) {
        swap(entry, toAdd);
        continue;
      }
      if (intent == Interpretation.Intent.CANCEL && entry.mentions().isEmpty()) {
        // "我的不要了，来2袋水饺": what the sender held before this message goes, the rest of it stays
        List.copyOf(current).forEach(l -> {
          changes.add(new OrderChange.Cancel(l.key(), msg.msgId()));
          current.remove(l);
        });
        continue;
      }
      Optional<tuangou.parser.CatalogItem> latest = Optional.empty();
      if (intent == Interpretation.Intent.CORRECT && !current.isEmpty()) {
        // "打错了，是3斤": without an item named, the amount is for the line just ordered
        String item = current.get(current.size() - 1).item();
        latest = resolver.index().items().stream().filter(i -> i.id().equals(item)).findFirst();
      }
      if (latest.isEmpty() && (intent == Interpretation.Intent.ORDER || intent == Interpretation.Intent.CANCEL)) {
        latest = ownItemFor(entry);
      }
      Resolution r = resolver.resolve(entry, latest);
      if (intent == Interpretation.Intent.CANCEL) {
        r = ownLineOf(r);
      }
      Resolutions.open(opened, origin, msg, msg.sender(), r);
      if (label.isEmpty()) {
        label = r.label();
      }
      for (ResolvedLine line : r.lines()) {
        switch (intent) {
          case ORDER -> toAdd.add(line);
          case CANCEL -> cancel(line);
          case CHANGE, CORRECT -> change(line, toAdd);
          default -> throw new IllegalStateException(intent + " handled above");
        }
      }
    }
    Resolutions.lines(origin, msg, msg.sender(), labelFor(label), toAdd)
        .forEach(l -> changes.add(new OrderChange.Add(l)));
    return outcome(in);
  }

  /**
   * "同上", "我也要": the order of the message directly above, when that is one resident's order;
   * "@小周 我也要" points at 小周's latest order instead. Names that point at different orders, or
   * an amount of its own ("我也要，来3斤") over an order of several items, are asked about.
   */
  private void sameAsAbove(ParsedEntry entry, List<ResolvedLine> toAdd) {
    List<List<OrderLine>> pointed = pointedOrders();
    if (pointed.size() != 1) {
      unsure();
      return;
    }
    List<OrderLine> copied = pointed.get(0);
    tuangou.parser.quantity.Quantity own = entry.mentions().isEmpty() ? null : entry.mentions().get(0).quantity();
    if (own != null && copied.stream().map(OrderLine::item).distinct().count() != 1) {
      unsure();
      return;
    }
    for (OrderLine l : copied) {
      Optional<tuangou.parser.CatalogItem> item = resolver.index().items().stream()
          .filter(i -> i.id().equals(l.item())).findFirst();
      if (item.isEmpty()) {
        continue;
      }
      Optional<BigDecimal> qty = own == null ? Optional.of(l.qty())
          : tuangou.parser.quantity.Units.convert(own, item.get().unit());
      if (qty.isEmpty() || qty.get().signum() <= 0) {
        unsure();
        return;
      }
      toAdd.add(new ResolvedLine(item.get(), qty.get(), "", msg.text().strip(), own != null));
      if (own != null) {
        return; // one item, the amount written
      }
    }
  }

  /**
   * The distinct orders (item and amount) that a 同上 or 我也要 points at: those of the residents
   * it @-names, or else the latest order of someone else.
   */
  private List<List<OrderLine>> pointedOrders() {
    List<OrderLine> all = state.lines();
    java.util.Map<String, List<OrderLine>> distinct = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher at = AT_NAME.matcher(msg.text());
    while (at.find()) {
      String name = at.group(1);
      for (int i = all.size() - 1; i >= 0; i--) {
        OrderLine l = all.get(i);
        if (!l.customer().equals(msg.sender()) && (l.label().contains(name) || l.customer().equals(name))) {
          List<OrderLine> order = state.linesOfOrigin(l.origin());
          distinct.putIfAbsent(what(order), order);
          break;
        }
      }
    }
    if (!distinct.isEmpty()) {
      return List.copyOf(distinct.values());
    }
    String above = state.previousMessage();
    for (int i = all.size() - 1; i >= 0; i--) {
      OrderLine l = all.get(i);
      if (!l.customer().equals(msg.sender())) {
        // only what the message directly above ordered: after a question in between, ask
        return above.isEmpty() || l.source().equals(above) ? List.of(state.linesOfOrigin(l.origin())) : List.of();
      }
    }
    return List.of();
  }

  private static final java.util.regex.Pattern AT_NAME = java.util.regex.Pattern.compile("@([^\\s@]+)");

  private static String what(List<OrderLine> order) {
    return order.stream().map(l -> l.item() + "=" + l.qty().stripTrailingZeros().toPlainString()).sorted().toList().toString();
  }

  private void unsure() {
    opened.add(new Unresolved(origin, msg.group(), msg.sender(), msg.msgId(), msg.text().strip(),
        tuangou.parser.order.UnresolvedMention.Reason.UNKNOWN, "unknown", List.of()));
  }

  /**
   * "再加一盒", "少要一个": an amount with no item named refers to the sender's own line when only
   * one of the sender's items fits it (by unit); otherwise the mention stays unresolved and is asked.
   */
  private Optional<tuangou.parser.CatalogItem> ownItemFor(ParsedEntry entry) {
    boolean bare = entry.mentions().size() == 1 && entry.mentions().get(0).product().isEmpty()
        && entry.mentions().get(0).dealNo() == 0 && entry.mentions().get(0).hasExplicitAmount();
    if (!bare || current.isEmpty()) {
      return Optional.empty();
    }
    tuangou.parser.quantity.Quantity q = entry.mentions().get(0).quantity();
    List<tuangou.parser.CatalogItem> fits = current.stream().map(OrderLine::item).distinct()
        .flatMap(id -> resolver.index().items().stream().filter(i -> i.id().equals(id)))
        .filter(i -> q.unit().isEmpty() || tuangou.parser.quantity.Units.convert(q, i.unit()).isPresent())
        .toList();
    return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
  }

  /**
   * "葱不要了" when 葱 fits 小葱 and 大葱 but the sender holds only 小葱: a cancel can only be of what
   * the sender holds, so among the items a word fits, the one of the sender's lines is meant; when the
   * sender holds none of them, there is nothing to ask.
   */
  private Resolution ownLineOf(Resolution r) {
    List<tuangou.parser.order.UnresolvedMention> still = new ArrayList<>();
    List<ResolvedLine> lines = new ArrayList<>(r.lines());
    for (tuangou.parser.order.UnresolvedMention u : r.unresolved()) {
      List<tuangou.parser.CatalogItem> held = u.reason() != tuangou.parser.order.UnresolvedMention.Reason.AMBIGUOUS
          ? List.of() : u.candidates().stream().filter(c -> !linesOf(c.id()).isEmpty()).toList();
      boolean ambiguous = u.reason() == tuangou.parser.order.UnresolvedMention.Reason.AMBIGUOUS;
      if (held.size() == 1) {
        lines.add(new ResolvedLine(held.get(0), BigDecimal.ONE, "", u.text(), false));
      } else if (!(ambiguous && held.isEmpty())) {
        still.add(u); // but a cancel of none of the sender's items asks nothing: there is nothing to cancel
      }
    }
    return still.size() == r.unresolved().size() ? r : new Resolution(r.label(), lines, still);
  }

  /** "汤圆换成馄饨": the old item's amount moves to the new one unless a new amount is written. */
  private void swap(ParsedEntry entry, List<ResolvedLine> toAdd) {
    ParsedEntry from = new ParsedEntry("", List.of(entry.mentions().get(0)));
    ParsedEntry to = new ParsedEntry("", List.of(entry.mentions().get(1)));
    Resolution gone = resolver.resolve(from, Optional.empty());
    Resolution wanted = resolver.resolve(to, Optional.empty());
    Resolutions.open(opened, origin, msg, msg.sender(), gone);
    Resolutions.open(opened, origin, msg, msg.sender(), wanted);
    if (gone.lines().size() != 1 || wanted.lines().size() != 1) {
      return;
    }
    ResolvedLine old = gone.lines().get(0);
    ResolvedLine fresh = wanted.lines().get(0);
    BigDecimal had = linesOf(old.item().id()).stream().map(OrderLine::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
    cancel(new ResolvedLine(old.item(), old.qty(), old.note(), old.text(), false));
    BigDecimal qty = fresh.explicitQuantity() || had.signum() == 0 ? fresh.qty() : had;
    toAdd.add(new ResolvedLine(fresh.item(), qty, fresh.note(), fresh.text(), true));
  }

  /** Without an amount the item goes entirely; with one, newest lines shrink first. */
  private void cancel(ResolvedLine line) {
    List<OrderLine> ofItem = linesOf(line.item().id());
    BigDecimal left = line.explicitQuantity() ? line.qty() : null;
    for (int i = ofItem.size() - 1; i >= 0; i--) {
      OrderLine l = ofItem.get(i);
      if (left != null && left.signum() <= 0) {
        break;
      }
      if (left == null || left.compareTo(l.qty()) >= 0) {
        changes.add(new OrderChange.Cancel(l.key(), msg.msgId()));
        current.remove(l);
        left = left == null ? null : left.subtract(l.qty());
      } else {
        BigDecimal rest = l.qty().subtract(left);
        changes.add(new OrderChange.Update(l.key(), rest, l.note(), msg.msgId()));
        current.set(current.indexOf(l), l.withQty(rest, l.note(), msg.msgId()));
        left = BigDecimal.ZERO;
      }
    }
  }

  /** The sender's total of the item becomes the amount written. */
  private void change(ResolvedLine line, List<ResolvedLine> toAdd) {
    List<OrderLine> ofItem = linesOf(line.item().id());
    if (ofItem.isEmpty()) {
      toAdd.add(line);
      return;
    }
    OrderLine first = ofItem.get(0);
    changes.add(new OrderChange.Update(first.key(), line.qty(), first.note(), msg.msgId()));
    current.set(current.indexOf(first), first.withQty(line.qty(), first.note(), msg.msgId()));
    for (OrderLine other : ofItem.subList(1, ofItem.size())) {
      changes.add(new OrderChange.Cancel(other.key(), msg.msgId()));
      current.remove(other);
    }
  }

  private List<OrderLine> linesOf(String item) {
    return current.stream().filter(l -> l.item().equals(item)).toList();
  }

  /** The sender's own label (see {@link Identity}), or the neighbour's they order for. */
  private String labelFor(String written) {
    boolean labelLike = written.length() > 1 && written.length() <= 16
        && (LABEL_LIKE.matcher(written).find() || !SAID.matcher(written).find());
    String label = labelLike ? written : "";
    if (!label.isEmpty() && !Identity.isOwn(label, msg.senderName(), current)) {
      return label;
    }
    String own = Identity.ownLabel(label, msg.senderName(), current);
    changes.addAll(Identity.relabel(own, msg.senderName(), current));
    return own;
  }

  /** Words of the sentence itself, not of a name: "麻烦给我来", "团长好,明天要", "昨天买的". */
  private static final java.util.regex.Pattern SAID = java.util.regex.Pattern.compile(
      "要|来|买|订|留|给我|帮我|团长|老板|麻烦|谢谢|你好|您好|今天|明天|昨天|上次|这次|有没有|我|你|吃|,|\\s");

  /**
   * Words left before the items of a free-form order are a label only when they look like one: an
   * address, or someone ordered for ("帮7栋周阿姨"). "麻烦给我来", "团长好" are just how it was said.
   */
  private static final java.util.regex.Pattern LABEL_LIKE =
      java.util.regex.Pattern.compile("\\d|栋|幢|楼|单元|室|座|^(帮|替|代)");

  private Outcome outcome(Interpretation in) {
    return new Outcome(in, changes, null, opened, List.of());
  }
}

package tuangou.ordering;

import java.util.ArrayList;
import java.util.List;
import tuangou.parser.CatalogItem;
import tuangou.parser.order.Resolution;
import tuangou.parser.order.ResolvedLine;
import tuangou.parser.order.UnresolvedMention;

/** What a resolved entry or message becomes in the order model: its lines, and its open mentions. */
final class Resolutions {
  private Resolutions() {}

  /** Lines of {@code customer} for what was resolved, keyed by their origin and the message. */
  static List<OrderLine> lines(Origin origin, InboundMessage msg, String customer, String label,
      List<ResolvedLine> resolved) {
    List<OrderLine> out = new ArrayList<>();
    for (int k = 0; k < resolved.size(); k++) {
      ResolvedLine r = resolved.get(k);
      out.add(new OrderLine(origin.lineKey(msg.msgId(), k), origin, msg.group(), customer, label,
          r.item().id(), r.qty(), r.note(), msg.msgId()));
    }
    return out;
  }

  /** The mentions the resolver would not guess, open under {@code origin}. */
  static void open(List<Unresolved> opened, Origin origin, InboundMessage msg, String customer, Resolution r) {
    for (UnresolvedMention u : r.unresolved()) {
      opened.add(new Unresolved(origin, msg.group(), customer, msg.msgId(), u.text(), u.reason(), u.reasonText(),
          u.candidates().stream().map(CatalogItem::id).toList()));
    }
  }}

package tuangou.bot.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tuangou.bot.pipeline.InMemoryOrderBook;
import tuangou.bot.pipeline.InboundMessage;
import tuangou.bot.pipeline.OrderInterpreter;
import tuangou.bot.pipeline.OrderLine;
import tuangou.bot.pipeline.Unresolved;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.match.Synonyms;
import tuangou.parser.order.MentionResolver;

/**
 * Reads a transcript offline with the service's own interpreter and prints the orders held at
 * the end, in the replay contract's JSON shape.
 */
public final class Replay {
  private final OrderInterpreter interpreter;
  private final InMemoryOrderBook book = new InMemoryOrderBook();
  /** Message ids seen per group: a message delivered twice counts once, as in the inbox. */
  private final Set<String> seen = new HashSet<>();

  public Replay(List<CatalogItem> items, Synonyms synonyms) {
    ProductIndex index = ProductIndex.of(items, synonyms);
    this.interpreter = new OrderInterpreter(MessageInterpreter.create(), new MentionResolver(index));
  }

  /** Reads one message. */
  public void accept(InboundMessage msg) {
    if (!seen.add(msg.group() + '\u0000' + msg.msgId())) {
      return;
    }
    book.apply(msg.group(), interpreter.process(msg, book.state(msg.group())));
  }

  public InMemoryOrderBook book() {
    return book;
  }

  /** {@code {"orders": [...], "totals": [...], "unresolved": [...]}}. */
  public JsonObject report() {
    JsonArray orders = new JsonArray();
    Map<String, BigDecimal> totals = new TreeMap<>();
    JsonArray unresolved = new JsonArray();
    for (String group : book.groups()) {
      Map<String, JsonObject> byCustomerLabel = new LinkedHashMap<>();
      for (OrderLine line : book.lines(group)) {
        JsonObject order = byCustomerLabel.computeIfAbsent(line.customer() + '\u0000' + line.label(),
            k -> new JsonObject().put("group", group).put("customer", line.customer())
                .put("label", line.label()).put("lines", new JsonArray()));
        order.getJsonArray("lines").add(new JsonObject()
            .put("item", line.item())
            .put("qty", number(line.qty()))
            .put("note", line.note())
            .put("source", line.source()));
        totals.merge(line.item(), line.qty(), BigDecimal::add);
      }
      byCustomerLabel.values().forEach(orders::add);
      for (Unresolved u : book.unresolved(group)) {
        unresolved.add(new JsonObject().put("source", u.source()).put("text", u.text()).put("reason", u.reason()));
      }
    }
    JsonArray totalArray = new JsonArray();
    totals.forEach((item, qty) -> totalArray.add(new JsonObject().put("item", item).put("qty", number(qty))));
    return new JsonObject().put("orders", orders).put("totals", totalArray).put("unresolved", unresolved);
  }

  /** 2 rather than 2.0 or 2E+0; 0.5 stays 0.5. */
  static Number number(BigDecimal qty) {
    BigDecimal q = qty.stripTrailingZeros();
    if (q.scale() <= 0) {
      return q.longValueExact();
    }
    return q;
  }
}

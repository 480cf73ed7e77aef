package tuangou.bot.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tuangou.bot.pipeline.OrdersJson;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderInterpreter;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Unresolved;
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
    List<OrderLine> lines = new ArrayList<>();
    JsonArray unresolved = new JsonArray();
    for (String group : book.groups()) {
      lines.addAll(book.lines(group));
      for (Unresolved u : book.unresolved(group)) {
        unresolved.add(new JsonObject().put("source", u.source()).put("text", u.text()).put("reason", u.reason()));
      }
    }
    JsonArray totals = new JsonArray();
    OrdersJson.totals(lines).forEach((item, qty) ->
        totals.add(new JsonObject().put("item", item).put("qty", OrdersJson.number(qty))));
    return new JsonObject().put("orders", OrdersJson.orders(lines, group -> group))
        .put("totals", totals).put("unresolved", unresolved);
  }
}

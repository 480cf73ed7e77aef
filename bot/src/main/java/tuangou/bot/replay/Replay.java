package tuangou.bot.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import tuangou.ordering.Effects;
import tuangou.ordering.Engine;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderInterpreter;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Reading;
import tuangou.ordering.Unresolved;
import tuangou.ordering.command.CodePolicy;
import tuangou.ordering.command.CommandContext;
import tuangou.ordering.command.CommandHandlers;
import tuangou.ordering.command.Transition;
import tuangou.ordering.reply.Messages;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.match.Synonyms;
import tuangou.parser.order.MentionResolver;

/**
 * Reads a transcript offline with the service's own ordering engine and prints the orders held at
 * the end, in the replay contract's JSON shape. Answers to the bot's questions and chat commands
 * are decided as in the service: a group's leader (given in the catalog) closing it with 截单 or
 * 到货 ends ordering there. What needs the service's records (pickup codes, commission) is
 * answered as if none were issued yet.
 */
public final class Replay {
  /** The campaign's id inside a replay: there is one. */
  private static final long CAMPAIGN = 1;
  private final Engine engine;
  private final Map<String, String> leaders;
  private final InMemoryOrderBook book = new InMemoryOrderBook();
  /** Message ids seen per group: a message delivered twice counts once, as in the inbox. */
  private final Set<String> seen = new HashSet<>();
  private final Set<String> closed = new HashSet<>();
  private final Set<String> arrived = new HashSet<>();
  private final JsonArray replies = new JsonArray();

  public Replay(List<CatalogItem> items, Synonyms synonyms) {
    this(items, synonyms, Map.of());
  }

  /** @param leaders each group's leader (sender id), for the groups that have one in the transcript */
  public Replay(List<CatalogItem> items, Synonyms synonyms, Map<String, String> leaders) {
    OrderInterpreter interpreter = new OrderInterpreter(MessageInterpreter.create(),
        new MentionResolver(ProductIndex.of(items, synonyms)));
    this.engine = new Engine(interpreter, items);
    this.leaders = Map.copyOf(leaders);
  }

  /** Reads one message. */
  public void accept(InboundMessage msg) {
    String group = msg.group();
    if (!seen.add(group + '\u0000' + msg.msgId())) {
      return;
    }
    String leader = leaders.getOrDefault(group, "");
    boolean isLeader = msg.sender().equals(leader);
    Engine.Situation situation = new Engine.Situation(isLeader, group, leader, !closed.contains(group));
    Reading reading = engine.read(msg, book.state(group), situation, book.questions(group));
    Effects effects = reading instanceof Reading.CommandGiven c
        ? Effects.of(CommandHandlers.decide(c.command(), context(msg, isLeader)))
        : ((Reading.Decided) reading).effects();
    if (effects.orders() != null) {
      if (effects.answered() == null) {
        book.apply(group, effects.orders());
      } else {
        book.answered(group, effects.answered().id(), effects.orders());
      }
    }
    book.said(group, msg.msgId());
    effects.decision().replies().forEach(text -> said(msg, text));
    for (Transition t : effects.decision().transitions()) {
      if (t instanceof Transition.CloseOrdering || t instanceof Transition.Arrive) {
        closed.add(group);
      }
      if (t instanceof Transition.Arrive) {
        arrived.add(group);
      }
      if (t instanceof Transition.VerifyPickup v) {
        said(msg, Messages.text("verify.notfound", v.target()));
      }
    }
  }

  private CommandContext context(InboundMessage msg, boolean leader) {
    OptionalLong open = closed.contains(msg.group()) ? OptionalLong.empty() : OptionalLong.of(CAMPAIGN);
    return new CommandContext(msg.sender(), msg.senderName(), leader, msg.group(), true, open,
        OptionalLong.of(CAMPAIGN), arrived.contains(msg.group()), book.lines(msg.group()), List.of(), List.of(),
        engine.replies(), CodePolicy.PRIVATE);
  }

  private void said(InboundMessage msg, String text) {
    replies.add(new JsonObject().put("source", msg.msgId()).put("text", text));
  }

  public InMemoryOrderBook book() {
    return book;
  }

  /** What the bot said, in order: {@code [{"source", "text"}]}. */
  public JsonArray replies() {
    return replies.copy();
  }

  /** {@code {"orders": [...], "totals": [...], "unresolved": [...]}}. */
  public JsonObject report() {
    List<OrderLine> lines = new ArrayList<>();
    JsonArray unresolved = new JsonArray();
    for (String group : book.groups()) {
      lines.addAll(book.lines(group));
      for (Unresolved u : book.unresolved(group)) {
        unresolved.add(new JsonObject().put("source", u.source()).put("text", u.text()).put("reason", u.reasonText()));
      }
    }
    JsonArray totals = new JsonArray();
    OrdersJson.totals(lines).forEach((item, qty) ->
        totals.add(new JsonObject().put("item", item).put("qty", OrdersJson.number(qty))));
    return new JsonObject().put("orders", OrdersJson.orders(lines, group -> group))
        .put("totals", totals).put("unresolved", unresolved);
  }
}

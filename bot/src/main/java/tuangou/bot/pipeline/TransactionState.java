package tuangou.bot.pipeline;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tuangou.parser.chain.ChainState;
import tuangou.store.StoredLine;

/** A group's state as loaded inside its transaction, in the interpreter's terms. */
final class TransactionState implements GroupState {
  private final List<ChainState> chains = new ArrayList<>();
  private final List<OrderLine> lines = new ArrayList<>();

  TransactionState(String group, Map<String, JsonObject> storedChains, List<StoredLine> storedLines) {
    storedChains.values().forEach(json -> chains.add(ChainStateJson.decode(json)));
    for (StoredLine l : storedLines) {
      lines.add(new OrderLine(l.key(), l.origin(), group, l.customer(), l.label(), l.productId(), l.qty(),
          l.note(), l.sourceMsg()));
    }
  }

  @Override
  public List<ChainState> chains() {
    return List.copyOf(chains);
  }

  @Override
  public List<OrderLine> linesOf(String customer) {
    return lines.stream().filter(l -> l.customer().equals(customer)).toList();
  }

  @Override
  public List<OrderLine> linesOfOrigin(String origin) {
    return lines.stream().filter(l -> l.origin().equals(origin)).toList();
  }

  List<OrderLine> all() {
    return List.copyOf(lines);
  }
}

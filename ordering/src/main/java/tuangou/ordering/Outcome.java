package tuangou.ordering;

import java.util.List;
import tuangou.parser.chain.ChainState;
import tuangou.parser.intent.Interpretation;

/**
 * Everything one message changes, to be applied atomically.
 *
 * @param changes order line changes, in order
 * @param chain the chain's new state when the message was a chain copy, else null
 * @param opened unresolved mentions found in this message
 * @param closedOrigins origins whose earlier unresolved mentions are settled (entry edited or
 *     removed)
 */
public record Outcome(Interpretation interpretation, List<OrderChange> changes, ChainState chain,
    List<Unresolved> opened, List<Origin> closedOrigins) {

  public Outcome {
    changes = List.copyOf(changes);
    opened = List.copyOf(opened);
    closedOrigins = List.copyOf(closedOrigins);
  }

  public static Outcome nothing(Interpretation interpretation) {
    return new Outcome(interpretation, List.of(), null, List.of(), List.of());
  }
}

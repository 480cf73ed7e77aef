package tuangou.ordering;

import java.util.List;
import tuangou.parser.chain.ChainState;

/**
 * What the interpreter needs to know of one group before it reads a message: its chains' last
 * states and its active order lines. The service loads it from PostgreSQL inside the message's
 * transaction; replay keeps it in memory.
 */
public interface GroupState {
  List<ChainState> chains();

  /** Active lines of {@code customer} in this group, oldest first. */
  List<OrderLine> linesOf(String customer);

  /** Active lines made from one chain entry or message. */
  List<OrderLine> linesOfOrigin(Origin origin);

  /** Every active line of the group, in the order they were added. */
  List<OrderLine> lines();

  /**
   * The id of the message said in the group directly before the one being read, by anyone, or
   * empty when not known: "同上" copies only the order that message made.
   */
  String previousMessage();
}

package tuangou.ordering;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tuangou.parser.chain.ChainEntry;
import tuangou.parser.chain.ChainSnapshot;
import tuangou.parser.chain.ChainState;
import tuangou.parser.chain.TrackedEntry;

/**
 * Finds which of a group's running chains a posted copy belongs to: the one with the same header
 * and description, else the one sharing most of its entries (the organiser edited the
 * description, or the copy lost its header).
 */
final class ChainSelector {
  private ChainSelector() {}

  static Optional<ChainState> select(ChainSnapshot snapshot, List<ChainState> chains) {
    if (!snapshot.headerless()) {
      String identity = snapshot.identity();
      for (ChainState c : chains) {
        if (c.identity().equals(identity)) {
          return Optional.of(c);
        }
      }
    }
    Set<String> posted = new HashSet<>();
    for (ChainEntry e : snapshot.entries()) {
      posted.add(e.key());
    }
    ChainState best = null;
    int bestShared = 0;
    for (ChainState c : chains) {
      int shared = 0;
      for (TrackedEntry e : c.entries()) {
        if (posted.contains(e.key())) {
          shared++;
        }
      }
      boolean enough = shared > 0 && shared * 2 >= Math.min(c.entries().size(), posted.size());
      if (enough && shared > bestShared) {
        best = c;
        bestShared = shared;
      }
    }
    return Optional.ofNullable(best);
  }
}

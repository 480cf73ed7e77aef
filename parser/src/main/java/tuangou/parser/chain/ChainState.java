package tuangou.parser.chain;

import java.util.List;
import java.util.Map;

/**
 * The last known state of one chain in one group: only the latest merged snapshot is kept, never
 * the history of copies.
 *
 * @param id the chain's id, unique within its group
 * @param identity the header/description identity ({@link ChainSnapshot#identity()})
 * @param preamble header and description text, to find the product of a one-product chain
 * @param entries the entries in chain order, with their authors
 * @param removed texts of entries their authors deleted or reworded, by key, with the author: a
 *     stale copy that still shows one does not bring it back under another sender's name
 * @param nextSeq the sequence number the next new entry gets
 */
public record ChainState(String id, String identity, String preamble, List<TrackedEntry> entries,
    Map<String, String> removed, long nextSeq) {

  public ChainState {
    entries = List.copyOf(entries);
    removed = Map.copyOf(removed);
  }

  public static ChainState empty(String id, ChainSnapshot snapshot) {
    return new ChainState(id, snapshot.identity(), snapshot.preamble(), List.of(), Map.of(), 1);
  }
}

package tuangou.parser.chain;

import java.util.List;

/**
 * What one re-post of a chain changed, and the chain's state after it.
 *
 * @param added entries new in this post, attributed to their author
 * @param changed entries their author edited
 * @param removed entries their author deleted
 * @param conflicts entries of other residents that this sender's copy shows edited; the edit is
 *     not applied (only an entry's author changes it) and is reported instead of guessed
 * @param next the chain's state after this post
 */
public record ChainDiff(List<TrackedEntry> added, List<Change> changed, List<TrackedEntry> removed,
    List<Change> conflicts, ChainState next) {

  public ChainDiff {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    conflicts = List.copyOf(conflicts);
  }

  /** An entry before and after an edit; both have the same {@code seq}. */
  public record Change(TrackedEntry before, TrackedEntry after) {}

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && conflicts.isEmpty();
  }
}

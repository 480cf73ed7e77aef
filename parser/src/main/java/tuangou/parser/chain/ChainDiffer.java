package tuangou.parser.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one posted copy of a chain to the chain's last state.
 *
 * <p>Rules, from how residents really use chains: a new entry belongs to the sender; an entry the
 * sender changed is a change and one the sender left out is a cancellation, but an entry missing
 * from someone else's copy stays (only its author can remove it: stale hand-made copies are
 * common); an edit of another resident's entry is reported as a conflict, not applied; a line its
 * author deleted does not come back through someone else's stale copy; the same copy posted again
 * changes nothing. When WeChat's own per-entry authors are known, they decide attribution and the
 * list is authoritative.
 */
public final class ChainDiffer {
  private ChainDiffer() {}

  /**
   * @param state the chain's last state
   * @param posted the entries of the copy just posted
   * @param sender who posted it
   * @param authors WeChat's author of each posted entry, or null when not known
   */
  public static ChainDiff diff(ChainState state, List<ChainEntry> posted, String sender, List<String> authors) {
    if (authors != null && authors.size() != posted.size()) {
      throw new IllegalArgumentException("authors must match entries: " + authors.size() + " != " + posted.size());
    }
    List<TrackedEntry> old = state.entries();
    if (authors == null && startsWithAll(posted, old)) {
      return grown(state, posted, sender, old);
    }
    List<String> oldKeys = new ArrayList<>(old.size());
    for (TrackedEntry e : old) {
      oldKeys.add(e.key());
    }
    List<String> newKeys = new ArrayList<>(posted.size());
    for (ChainEntry e : posted) {
      newKeys.add(e.key());
    }
    int[] pair = Alignment.align(oldKeys, newKeys);
    int[] movedFrom = Alignment.moved(oldKeys, newKeys, pair);
    boolean[] oldMoved = new boolean[old.size()];
    for (int from : movedFrom) {
      if (from >= 0) {
        oldMoved[from] = true;
      }
    }
    Builder b = new Builder(state, sender, authors, old, movedFrom);

    int oldPos = 0;
    int newPos = 0;
    for (int i = 0; i <= old.size(); i++) {
      boolean end = i == old.size();
      if (!end && pair[i] < 0) {
        continue;
      }
      int newUntil = end ? posted.size() : pair[i];
      List<TrackedEntry> gone = new ArrayList<>();
      for (int k = oldPos; k < i; k++) {
        if (!oldMoved[k]) {
          gone.add(old.get(k));
        }
      }
      b.gap(gone, posted.subList(newPos, newUntil), newPos);
      if (!end) {
        TrackedEntry kept = old.get(i);
        String author = authors == null ? kept.author() : authors.get(pair[i]);
        TrackedEntry now = new TrackedEntry(kept.seq(), posted.get(pair[i]).text(), author);
        b.next.add(now);
        oldPos = i + 1;
        newPos = pair[i] + 1;
      }
    }
    return b.build();
  }

  /**
   * True when the copy shows every entry of the last state first, word for word: the common case
   * of a chain re-posted as it was, or with lines added at its end. Compared as texts, so that no
   * key is computed for the lines that did not change.
   */
  private static boolean startsWithAll(List<ChainEntry> posted, List<TrackedEntry> old) {
    if (posted.size() < old.size()) {
      return false;
    }
    for (int i = 0; i < old.size(); i++) {
      if (!posted.get(i).text().equals(old.get(i).text())) {
        return false;
      }
    }
    return true;
  }

  /** The diff of a copy that only adds lines after the last state's (the alignment's answer, found directly). */
  private static ChainDiff grown(ChainState state, List<ChainEntry> posted, String sender, List<TrackedEntry> old) {
    if (posted.size() == old.size()) {
      return new ChainDiff(List.of(), List.of(), List.of(), List.of(), state);
    }
    int[] movedFrom = new int[posted.size()];
    java.util.Arrays.fill(movedFrom, -1);
    Builder b = new Builder(state, sender, null, old, movedFrom);
    b.next.addAll(old);
    b.gap(List.of(), posted.subList(old.size(), posted.size()), old.size());
    return b.build();
  }

  private static final class Builder {
    final ChainState state;
    final String sender;
    final List<String> authors;
    final List<TrackedEntry> next = new ArrayList<>();
    final List<TrackedEntry> added = new ArrayList<>();
    final List<ChainDiff.Change> changed = new ArrayList<>();
    final List<TrackedEntry> removed = new ArrayList<>();
    final List<ChainDiff.Change> conflicts = new ArrayList<>();
    final Map<String, String> tombstones;
    final List<TrackedEntry> old;
    final int[] movedFrom;
    long seq;

    Builder(ChainState state, String sender, List<String> authors, List<TrackedEntry> old, int[] movedFrom) {
      this.state = state;
      this.sender = sender;
      this.authors = authors;
      this.old = old;
      this.movedFrom = movedFrom;
      this.tombstones = new HashMap<>(state.removed());
      this.seq = state.nextSeq();
    }

    /** Entries between two aligned pairs: {@code gone} left out of the copy, {@code fresh} new in it. */
    void gap(List<TrackedEntry> gone, List<ChainEntry> fresh, int freshOffset) {
      List<TrackedEntry> own = new ArrayList<>();
      List<TrackedEntry> others = new ArrayList<>();
      for (TrackedEntry e : gone) {
        boolean authoritative = authors != null;
        (authoritative || e.author().equals(sender) ? own : others).add(e);
      }
      for (int k = 0; k < fresh.size(); k++) {
        ChainEntry entry = fresh.get(k);
        int from = movedFrom[freshOffset + k];
        if (from >= 0) {
          // the same entry, only in another place in this copy (a stale copy's order)
          TrackedEntry kept = old.get(from);
          String keptAuthor = authors == null ? kept.author() : authors.get(freshOffset + k);
          next.add(new TrackedEntry(kept.seq(), entry.text(), keptAuthor));
          continue;
        }
        String author = authors == null ? sender : authors.get(freshOffset + k);
        String key = entry.key();
        String deletedBy = tombstones.get(key);
        if (authors == null && deletedBy != null && !deletedBy.equals(sender)) {
          continue; // a stale copy still shows a line its author deleted
        }
        TrackedEntry ownBefore = pairable(own, author);
        if (ownBefore != null) {
          own.remove(ownBefore);
          TrackedEntry after = new TrackedEntry(ownBefore.seq(), entry.text(), author);
          changed.add(new ChainDiff.Change(ownBefore, after));
          // a stale copy may still show the old wording; it is not a new entry of whoever posts it
          tombstones.put(ownBefore.key(), ownBefore.author());
          tombstones.remove(key);
          next.add(after);
          continue;
        }
        TrackedEntry edited = sameLabel(others, entry.text());
        if (edited != null) {
          conflicts.add(new ChainDiff.Change(edited, new TrackedEntry(edited.seq(), entry.text(), author)));
          continue;
        }
        TrackedEntry fresh1 = new TrackedEntry(seq++, entry.text(), author);
        tombstones.remove(key);
        added.add(fresh1);
        next.add(fresh1);
      }
      for (TrackedEntry e : own) {
        removed.add(e);
        tombstones.put(e.key(), e.author());
      }
      next.addAll(others); // kept: only an entry's author removes it
    }

    private TrackedEntry pairable(List<TrackedEntry> own, String author) {
      for (TrackedEntry e : own) {
        if (e.author().equals(author)) {
          return e;
        }
      }
      return null;
    }

    private static TrackedEntry sameLabel(List<TrackedEntry> others, String text) {
      String head = head(text);
      if (head.isEmpty()) {
        return null;
      }
      for (TrackedEntry e : others) {
        if (head(e.text()).equals(head)) {
          return e;
        }
      }
      return null;
    }

    private static String head(String text) {
      int space = text.indexOf(' ');
      return space < 0 ? "" : text.substring(0, space);
    }

    ChainDiff build() {
      ChainState after = new ChainState(state.id(), state.identity(), state.preamble(), next, tombstones, seq);
      return new ChainDiff(added, changed, removed, conflicts, after);
    }
  }
}

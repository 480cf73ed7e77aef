package tuangou.parser.chain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Longest common subsequence between the entry keys of two snapshots, so that renumbered,
 * re-ordered or partly stale copies still line up entry by entry. Identical keys pair off one to
 * one, so two identical lines stay two entries.
 */
final class Alignment {
  /** Above this many cells the quadratic table is replaced by an in-order greedy pairing. */
  private static final long MAX_CELLS = 4_000_000L;

  private Alignment() {}

  /** For each index of {@code before}, the index in {@code after} it pairs with, or -1. */
  static int[] align(List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    int[] pair = new int[n];
    java.util.Arrays.fill(pair, -1);
    int prefix = 0;
    while (prefix < n && prefix < m && before.get(prefix).equals(after.get(prefix))) {
      pair[prefix] = prefix;
      prefix++;
    }
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix
        && before.get(n - 1 - suffix).equals(after.get(m - 1 - suffix))) {
      pair[n - 1 - suffix] = m - 1 - suffix;
      suffix++;
    }
    int a0 = prefix;
    int a1 = n - suffix;
    int b0 = prefix;
    int b1 = m - suffix;
    if (a0 < a1 && b0 < b1) {
      if ((long) (a1 - a0) * (b1 - b0) <= MAX_CELLS) {
        lcs(before, after, a0, a1, b0, b1, pair);
      } else {
        greedy(before, after, a0, a1, b0, b1, pair);
      }
    }
    return pair;
  }

  /**
   * For each index of {@code after} left unpaired, the unpaired index of {@code before} with the
   * same key, or -1: entries that a copy shows in another order are moved, not new.
   */
  static int[] moved(List<String> before, List<String> after, int[] pair) {
    boolean[] pairedAfter = new boolean[after.size()];
    Map<String, Deque<Integer>> free = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      if (pair[i] >= 0) {
        pairedAfter[pair[i]] = true;
      } else {
        free.computeIfAbsent(before.get(i), k -> new ArrayDeque<>()).add(i);
      }
    }
    int[] moved = new int[after.size()];
    java.util.Arrays.fill(moved, -1);
    for (int j = 0; j < after.size(); j++) {
      Deque<Integer> q = pairedAfter[j] ? null : free.get(after.get(j));
      if (q != null && !q.isEmpty()) {
        moved[j] = q.poll();
      }
    }
    return moved;
  }

  private static void lcs(List<String> a, List<String> b, int a0, int a1, int b0, int b1, int[] pair) {
    int rows = a1 - a0;
    int cols = b1 - b0;
    int[][] len = new int[rows + 1][cols + 1];
    for (int i = rows - 1; i >= 0; i--) {
      for (int j = cols - 1; j >= 0; j--) {
        len[i][j] = a.get(a0 + i).equals(b.get(b0 + j))
            ? len[i + 1][j + 1] + 1
            : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < rows && j < cols) {
      if (a.get(a0 + i).equals(b.get(b0 + j))) {
        pair[a0 + i] = b0 + j;
        i++;
        j++;
      } else if (len[i + 1][j] >= len[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
  }

  private static void greedy(List<String> a, List<String> b, int a0, int a1, int b0, int b1, int[] pair) {
    Map<String, Deque<Integer>> positions = new HashMap<>();
    for (int j = b0; j < b1; j++) {
      positions.computeIfAbsent(b.get(j), k -> new ArrayDeque<>()).add(j);
    }
    int last = b0 - 1;
    for (int i = a0; i < a1; i++) {
      Deque<Integer> q = positions.get(a.get(i));
      while (q != null && !q.isEmpty() && q.peek() <= last) {
        q.poll();
      }
      if (q != null && !q.isEmpty()) {
        last = q.poll();
        pair[i] = last;
      }
    }
  }
}

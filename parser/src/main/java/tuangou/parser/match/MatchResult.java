package tuangou.parser.match;

import java.util.List;
import tuangou.parser.CatalogItem;

/** What a mention matched: one item clearly, or nothing with a reason. */
public sealed interface MatchResult permits MatchResult.Matched, MatchResult.Unmatched {

  /** The mention names {@code item}; {@code score} is in (0, 1], 1 for an exact name. */
  record Matched(CatalogItem item, double score) implements MatchResult {}

  /**
   * No item is clearly meant.
   *
   * @param reason {@link Reason#UNKNOWN} when nothing matches well, {@link Reason#AMBIGUOUS} when
   *     two or more items match about equally well
   * @param candidates the items that came closest, best first (the choices of a question back)
   */
  record Unmatched(Reason reason, List<CatalogItem> candidates) implements MatchResult {
    public Unmatched {
      candidates = List.copyOf(candidates);
    }
  }

  /** Why a mention is not matched. */
  enum Reason { UNKNOWN, AMBIGUOUS }
}

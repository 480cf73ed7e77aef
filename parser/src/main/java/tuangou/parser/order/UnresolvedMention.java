package tuangou.parser.order;

import java.util.List;
import java.util.stream.Collectors;
import tuangou.parser.CatalogItem;

/**
 * A mention that could not be turned into an order line without guessing.
 *
 * @param text the mention as written
 * @param reason why
 * @param candidates the items it might mean, best first (for a question back)
 * @param detail the unit written for {@link Reason#UNIT}, otherwise empty
 */
public record UnresolvedMention(String text, Reason reason, List<CatalogItem> candidates, String detail) {

  public UnresolvedMention {
    candidates = List.copyOf(candidates);
    detail = detail == null ? "" : detail;
  }

  /** Why a mention is unresolved. */
  public enum Reason {
    /** Names no item of the campaign. */
    UNKNOWN,
    /** Names two or more items about equally well. */
    AMBIGUOUS,
    /** Counts in a unit the item is not sold by ({@code 苹果3个} when apples are sold by 斤). */
    UNIT,
    /** Edits another resident's chain entry; only its author can. */
    CONFLICT
  }

  /** The replay contract's reason text: {@code unknown}, {@code ambiguous: a, b}, {@code unit: 个}. */
  public String reasonText() {
    return switch (reason) {
      case UNKNOWN -> "unknown";
      case AMBIGUOUS -> "ambiguous: " + candidates.stream().map(CatalogItem::id).collect(Collectors.joining(", "));
      case UNIT -> "unit: " + detail + (candidates.isEmpty() ? "" : " (" + candidates.get(0).id()
          + " is sold by " + candidates.get(0).unit() + ")");
      case CONFLICT -> "conflict: " + detail;
    };
  }
}

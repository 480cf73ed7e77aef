package tuangou.ordering;

import java.util.List;
import java.util.Objects;
import tuangou.parser.order.UnresolvedMention.Reason;

/**
 * A mention the bot could not turn into an order without guessing; it stays open until the
 * entry or message it came from is changed, removed or answered.
 *
 * @param origin the chain entry or message it belongs to (see {@link OrderLine#origin()})
 * @param source the message it was read in
 * @param reason why it is open: what the bot asks, and what an answer may be
 * @param reasonText the replay contract's wording of the reason ({@code unknown}, {@code ambiguous: a, b})
 * @param candidates ids of the items it may mean, best first: the choices of a question back
 */
public record Unresolved(Origin origin, String group, String customer, String source, String text,
    Reason reason, String reasonText, List<String> candidates) {
  public Unresolved {
    Objects.requireNonNull(reason, "reason");
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  /** "+1" or "2" alone: no letter or Han character, so nothing is unknown, only which deal. */
  public boolean namesNothing() {
    return text.codePoints().noneMatch(Character::isLetter);
  }
}

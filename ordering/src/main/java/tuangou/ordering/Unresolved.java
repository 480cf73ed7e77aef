package tuangou.ordering;

/**
 * A mention the bot could not turn into an order without guessing; it stays open until the
 * entry or message it came from is changed, removed or answered.
 *
 * @param origin the chain entry or message it belongs to (see {@link OrderLine#origin()})
 * @param source the message it was read in
 * @param reason the replay contract's reason text ({@code unknown}, {@code ambiguous: a, b})
 * @param candidates ids of the items it may mean, best first: the choices of a question back
 */
public record Unresolved(String origin, String group, String customer, String source, String text,
    String reason, java.util.List<String> candidates) {
  public Unresolved {
    candidates = candidates == null ? java.util.List.of() : java.util.List.copyOf(candidates);
  }
}

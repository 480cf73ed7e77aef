package tuangou.ordering;

import java.math.BigDecimal;

/** One change to the order lines that one message causes; applied in one transaction. */
public sealed interface OrderChange permits OrderChange.Add, OrderChange.Update, OrderChange.Cancel,
    OrderChange.Relabel {

  /** The line the change is about. */
  String key();

  /** A new line. */
  record Add(OrderLine line) implements OrderChange {
    @Override
    public String key() {
      return line.key();
    }
  }

  /** An existing line's quantity or note changed by message {@code source}. */
  record Update(String key, BigDecimal qty, String note, String source) implements OrderChange {}

  /** An existing line cancelled by message {@code source}. */
  record Cancel(String key, String source) implements OrderChange {}

  /** An existing line of the resident's own now carries their better label (see {@link Identity}). */
  record Relabel(String key, String label) implements OrderChange {}
}

package tuangou.ordering;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One active order line.
 *
 * @param key unique within its group; stable while the line lives
 * @param origin what made it: a chain entry or a message
 * @param customer the sender whose message added the entry or order
 * @param label how the resident is told apart ({@code 3-1-201 张三}); a leader typing for others
 *     has one customer id and several labels
 * @param qty in the item's own unit
 * @param source the message that made the line or last changed it
 */
public record OrderLine(String key, Origin origin, String group, String customer, String label,
    String item, BigDecimal qty, String note, String source) {

  public OrderLine {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(qty, "qty");
    label = label == null ? "" : label;
    note = note == null ? "" : note;
    if (qty.signum() <= 0) {
      throw new IllegalArgumentException("order line " + key + " has quantity " + qty);
    }
  }

  public OrderLine withLabel(String newLabel) {
    return new OrderLine(key, origin, group, customer, newLabel, item, qty, note, source);
  }

  public OrderLine withQty(BigDecimal newQty, String newNote, String newSource) {
    return new OrderLine(key, origin, group, customer, label, item, newQty, newNote, newSource);
  }
}

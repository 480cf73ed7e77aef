package tuangou.store;

import java.math.BigDecimal;

/**
 * An active order line as the store keeps it.
 *
 * @param key unique within its group while the line lives
 * @param origin what made it: a chain entry or a message (the ordering engine's origin key)
 * @param customer the sender whose message added the line
 * @param label how the resident is told apart ({@code 3-1-201 张三})
 * @param productId the product ordered
 * @param qty in the item's own unit
 * @param sourceMsg the message that made the line or last changed it
 */
public record StoredLine(String key, String origin, String customer, String label, String productId,
    BigDecimal qty, String note, String sourceMsg) {}

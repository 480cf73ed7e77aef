package tuangou.parser.order;

import java.math.BigDecimal;
import tuangou.parser.CatalogItem;

/**
 * A mention resolved to an item and a quantity in the item's own unit.
 *
 * @param text the mention as written, for traces and replies
 * @param explicitQuantity false when no amount was written and the quantity defaulted to one unit
 *     ({@code 取消香蕉} cancels all bananas, {@code 取消香蕉1把} one)
 */
public record ResolvedLine(CatalogItem item, BigDecimal qty, String note, String text,
    boolean explicitQuantity) {}

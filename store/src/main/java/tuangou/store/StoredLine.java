package tuangou.store;

import java.math.BigDecimal;

/** An active order line as the store keeps it; see the bot's OrderLine for the meaning of fields. */
public record StoredLine(String key, String origin, String customer, String label, String productId,
    BigDecimal qty, String note, String sourceMsg) {}

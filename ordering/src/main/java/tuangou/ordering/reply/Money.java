package tuangou.ordering.reply;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in integer fen, shown in yuan. */
public final class Money {
  private Money() {}

  /** {@code qty} units at {@code priceFen} each, rounded half-up to the fen. */
  public static long amountFen(BigDecimal qty, long priceFen) {
    return qty.multiply(BigDecimal.valueOf(priceFen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** 1990 → "19.90". */
  public static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** 2 → "2", 0.5 → "0.5". */
  public static String qty(BigDecimal qty) {
    return qty.stripTrailingZeros().toPlainString();
  }
}

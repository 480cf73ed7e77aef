package tuangou.parser.quantity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount with the unit it was written in; {@code unit} is empty when none was written
 * ({@code 苹果2}, {@code x2}, {@code +1}) and means "the item's own unit".
 */
public record Quantity(BigDecimal amount, String unit) {
  public static final Quantity ONE = new Quantity(BigDecimal.ONE, "");

  public Quantity {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(unit, "unit");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative quantity " + amount);
    }
  }

  public static Quantity of(String amount, String unit) {
    return new Quantity(new BigDecimal(amount), unit);
  }

  @Override
  public String toString() {
    return amount.stripTrailingZeros().toPlainString() + unit;
  }
}

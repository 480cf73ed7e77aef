package tuangou.parser.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 个 counts items sold by the single piece; containers and weights are still asked. */
class PieceCountsTest {
  @ParameterizedTest(name = "{0}{1} in {2} -> {3}")
  @CsvSource({
      "1, 个, 支, 1",
      "4, 个, 只, 4",
      "2, 个, 条, 2",
      "6, 个, 盒, none",
      "3, 个, 斤, none",
      "10, 个, 板, none",
  })
  void geCountsSinglePieces(String amount, String unit, String itemUnit, String expected) {
    assertThat(Units.convert(Quantity.of(amount, unit), itemUnit).map(BigDecimalText::of).orElse("none"))
        .isEqualTo(expected);
  }

  private static final class BigDecimalText {
    static String of(java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
  }
}

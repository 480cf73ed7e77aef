package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CellTest {

  @Test
  void moneyIsFenShownAsYuanWithTwoDecimals() {
    assertThat(Cell.money(1234).display()).isEqualTo("12.34");
    assertThat(Cell.money(5).display()).isEqualTo("0.05");
    assertThat(Cell.money(0).display()).isEqualTo("0.00");
    assertThat(Cell.money(-5).display()).isEqualTo("-0.05");
    assertThat(Cell.money(-123456).display()).isEqualTo("-1234.56");
    assertThat(Cell.money(Long.MAX_VALUE).display()).isEqualTo("92233720368547758.07");
  }

  @Test
  void quantitiesLoseTrailingZerosButNeverTurnIntoExponents() {
    assertThat(Cell.quantity(new BigDecimal("2.50")).display()).isEqualTo("2.5");
    assertThat(Cell.quantity(new BigDecimal("1E+2")).display()).isEqualTo("100");
    assertThat(Cell.quantity(new BigDecimal("100.000")).display()).isEqualTo("100");
    assertThat(Cell.quantity(new BigDecimal("0.0000001")).display()).isEqualTo("0.0000001");
    assertThat(Cell.quantity(BigDecimal.ZERO).display()).isEqualTo("0");
  }

  @Test
  void timestampsAreShownInBeijingTime() {
    assertThat(Cell.timestamp(OffsetDateTime.parse("2026-11-22T16:30:59Z")).display()).isEqualTo("2026-11-23 00:30");
    assertThat(Cell.timestamp(OffsetDateTime.parse("2026-11-22T08:00:00+08:00")).display())
        .isEqualTo("2026-11-22 08:00");
  }

  @Test
  void integersAndTextShowAsThemselves() {
    assertThat(Cell.integer(-42).display()).isEqualTo("-42");
    assertThat(Cell.text("王阿姨").display()).isEqualTo("王阿姨");
  }

  @Test
  void nullValuesAreRefused() {
    assertThatNullPointerException().isThrownBy(() -> Cell.text(null));
    assertThatNullPointerException().isThrownBy(() -> Cell.quantity(null));
    assertThatNullPointerException().isThrownBy(() -> Cell.timestamp(null));
  }
}

package tuangou.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Worked examples of the commission rules, to the fen. */
class CommissionTest {

  @Test
  @DisplayName("苹果 3斤 at 10元/斤, 10%: paid 30元, commission 3元 (the 8元 cost plays no part)")
  void commissionIsOnTheAmountPaid() {
    LineCommission apples = LineCommission.of(new BigDecimal("3"), 1000, 1000);

    assertThat(apples.paidFen()).isEqualTo(3000);
    assertThat(apples.accruedFen()).isEqualTo(300);
    assertThat(apples.netFen()).isEqualTo(300);
  }

  @Test
  @DisplayName("半退 1.5斤 reverses 1.5元, leaving 1.5元; refunding the rest leaves 0")
  void halfRefundThenTheRestReturnsToZero() {
    LineCommission apples = LineCommission.of(new BigDecimal("3"), 1000, 1000);

    var half = (RefundOutcome.Reversed) apples.refund(1500);
    assertThat(half.reversalFen()).isEqualTo(150);
    assertThat(half.after().netFen()).isEqualTo(150);

    var rest = (RefundOutcome.Reversed) half.after().refund(1500);
    assertThat(rest.reversalFen()).isEqualTo(150);
    assertThat(rest.after().netFen()).isZero();
    assertThat(rest.after().reversedFen()).isEqualTo(apples.accruedFen());
  }

  @Test
  @DisplayName("0.333斤 at 6.9元, 12.5%: paid 229.77 → 230 fen, commission 28.75 → 29 fen")
  void paidAndCommissionRoundHalfUpPerLine() {
    LineCommission odd = LineCommission.of(new BigDecimal("0.333"), 690, 1250);

    assertThat(odd.paidFen()).isEqualTo(230);
    assertThat(odd.accruedFen()).isEqualTo(29);
  }

  @Test
  @DisplayName("three such lines earn 3 × 29 = 87 fen, not round(690 × 12.5%) = 86")
  void totalsAreSumsOfLinesNotRecomputed() {
    long perLine = LineCommission.of(new BigDecimal("0.333"), 690, 1250).accruedFen();

    assertThat(3 * perLine).isEqualTo(87);
    assertThat(Commission.commissionFen(3 * 230, 1250)).isEqualTo(86);
  }

  @Test
  @DisplayName("refunds of the odd line split the rounding so their reversals add up to 29 fen exactly")
  void oddRefundsTelescopeToTheAccrual() {
    LineCommission odd = LineCommission.of(new BigDecimal("0.333"), 690, 1250);

    var first = (RefundOutcome.Reversed) odd.refund(115); // C(230) - C(115) = 29 - 14
    var second = (RefundOutcome.Reversed) first.after().refund(115); // C(115) - C(0) = 14 - 0

    assertThat(first.reversalFen()).isEqualTo(15);
    assertThat(second.reversalFen()).isEqualTo(14);
    assertThat(first.reversalFen() + second.reversalFen()).isEqualTo(odd.accruedFen());
  }

  @Test
  void halvesRoundUpNotToEven() {
    assertThat(Commission.commissionFen(100, 50)).isEqualTo(1); // 0.5
    assertThat(Commission.commissionFen(500, 50)).isEqualTo(3); // 2.5: half-even would give 2
    assertThat(Commission.commissionFen(499, 50)).isEqualTo(2); // 2.495
    assertThat(Commission.paidFen(new BigDecimal("0.5"), 5)).isEqualTo(3); // 2.5 fen
    assertThat(Commission.paidFen(new BigDecimal("0.25"), 10)).isEqualTo(3); // 2.5 fen
  }

  @Test
  void aRefundLargerThanWhatStandsIsRefusedAndChangesNothing() {
    LineCommission apples = LineCommission.of(new BigDecimal("3"), 1000, 1000);
    var half = (RefundOutcome.Reversed) apples.refund(1500);

    RefundOutcome tooMuch = half.after().refund(1501);

    assertThat(tooMuch).isEqualTo(new RefundOutcome.Exceeds(1501, 1500));
    assertThat(((RefundOutcome.Exceeds) tooMuch).message()).contains("1501").contains("1500");
    assertThatThrownBy(() -> Commission.reversalFen(1500, 1501, 1000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("campaign item override 15% beats product 12% beats leader 10%")
  void theMostSpecificRateWins() {
    CommissionRate leaderOnly = CommissionRate.ofLeader(1000);
    CommissionRate product = leaderOnly.withProduct(1200);
    CommissionRate item = product.withItem(1500);
    CommissionRate itemWithoutProduct = leaderOnly.withItem(800);

    assertThat(leaderOnly.bp()).isEqualTo(1000);
    assertThat(leaderOnly.source()).isEqualTo(CommissionRate.Source.LEADER);
    assertThat(product.bp()).isEqualTo(1200);
    assertThat(product.source()).isEqualTo(CommissionRate.Source.PRODUCT);
    assertThat(item.bp()).isEqualTo(1500);
    assertThat(item.source()).isEqualTo(CommissionRate.Source.ITEM);
    assertThat(itemWithoutProduct.bp()).isEqualTo(800); // lower than the default, still the most specific

    // 苹果 3斤 at 10元: 3元 at the leader's rate, 3.6元 with the product's, 4.5元 with the item's
    assertThat(LineCommission.of(new BigDecimal("3"), 1000, leaderOnly.bp()).accruedFen()).isEqualTo(300);
    assertThat(LineCommission.of(new BigDecimal("3"), 1000, product.bp()).accruedFen()).isEqualTo(360);
    assertThat(LineCommission.of(new BigDecimal("3"), 1000, item.bp()).accruedFen()).isEqualTo(450);
  }

  @Test
  void ratesOutsideZeroToTenThousandBasisPointsAreRefused() {
    assertThat(CommissionRate.ofLeader(0).bp()).isZero();
    assertThat(CommissionRate.ofLeader(10_000).bp()).isEqualTo(10_000);
    assertThatThrownBy(() -> CommissionRate.ofLeader(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommissionRate.ofLeader(1000).withProduct(10_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommissionRate.ofLeader(1000).withItem(-5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeQuantitiesAndPricesAreRefused() {
    assertThatThrownBy(() -> Commission.paidFen(new BigDecimal("-0.5"), 1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Commission.paidFen(BigDecimal.ONE, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}

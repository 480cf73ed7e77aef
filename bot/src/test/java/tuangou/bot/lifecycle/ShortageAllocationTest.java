package tuangou.bot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortageAllocationTest {
  private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

  private static ShortageAllocation.Line line(long id, int minute, String qty) {
    return new ShortageAllocation.Line(id, T0.plusSeconds(60L * minute), new BigDecimal(qty));
  }

  private static List<String> allocated(ShortageAllocation.Result r) {
    return r.shares().stream().map(s -> s.line().id() + "=" + s.allocated().stripTrailingZeros().toPlainString()).toList();
  }

  @Test
  void enoughForEveryoneShortsNobody() {
    ShortageAllocation.Result r = ShortageAllocation.allocate(List.of(line(1, 0, "2"), line(2, 1, "0.5")),
        new BigDecimal("3"), 690);

    assertThat(allocated(r)).containsExactly("1=2", "2=0.5");
    assertThat(r.shortQty()).isEqualByComparingTo("0");
    assertThat(r.shortShares()).isEmpty();
    assertThat(r.refundFen()).isZero();
  }

  @Test
  void earlierLinesAreFilledFullyTheBoundaryPartlyLaterOnesNotAtAll() {
    // given out of order: the allocation goes by when each line was made, not by list position
    ShortageAllocation.Result r = ShortageAllocation.allocate(
        List.of(line(3, 2, "0.5"), line(1, 0, "2"), line(2, 1, "3")), new BigDecimal("3.2"), 695);

    assertThat(allocated(r)).containsExactly("1=2", "2=1.2", "3=0");
    assertThat(r.ordered()).isEqualByComparingTo("5.5");
    assertThat(r.allocated()).isEqualByComparingTo("3.2");
    assertThat(r.shortQty()).isEqualByComparingTo("2.3");
    assertThat(r.shortShares()).extracting(s -> s.line().id(), ShortageAllocation.Share::refundFen)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 1251L), org.assertj.core.groups.Tuple.tuple(3L, 348L));
  }

  @Test
  void refundsRoundHalfUpPerLine() {
    // 0.5 × 695 = 347.5 fen on each line: 348 each, not 695 for the pair
    ShortageAllocation.Result r = ShortageAllocation.allocate(List.of(line(1, 0, "0.5"), line(2, 1, "0.5")),
        BigDecimal.ZERO, 695);

    assertThat(r.shares()).extracting(ShortageAllocation.Share::refundFen).containsExactly(348L, 348L);
    assertThat(r.refundFen()).isEqualTo(696);
  }

  @Test
  void linesMadeAtTheSameMomentGoByLineId() {
    ShortageAllocation.Result r = ShortageAllocation.allocate(List.of(line(9, 0, "1"), line(4, 0, "1")),
        BigDecimal.ONE, 100);

    assertThat(allocated(r)).containsExactly("4=1", "9=0");
  }

  @Test
  void noLinesIsNoShortage() {
    ShortageAllocation.Result r = ShortageAllocation.allocate(List.of(), BigDecimal.TEN, 100);

    assertThat(r.shares()).isEmpty();
    assertThat(r.ordered()).isEqualByComparingTo("0");
    assertThat(r.shortQty()).isEqualByComparingTo("0");
  }

  @Test
  void negativeReceiptOrPriceIsRefused() {
    assertThatThrownBy(() -> ShortageAllocation.allocate(List.of(), new BigDecimal("-1"), 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShortageAllocation.allocate(List.of(), BigDecimal.ONE, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> line(1, 0, "0")).isInstanceOf(IllegalArgumentException.class);
  }
}

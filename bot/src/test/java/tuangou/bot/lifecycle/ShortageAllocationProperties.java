package tuangou.bot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Whatever the lines, receipt and price: nothing is handed out twice, late lines wait, refunds add up. */
class ShortageAllocationProperties {
  private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

  @Property(tries = 1000)
  void allocationIsFifoAndAddsUp(@ForAll("lines") List<ShortageAllocation.Line> lines,
      @ForAll("fractions") BigDecimal receivedShare, @ForAll @LongRange(min = 0, max = 200_000) long priceFen) {
    BigDecimal ordered = lines.stream().map(ShortageAllocation.Line::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
    // from nothing to a fifth more than ordered, on the 0.001 grid quantities live on
    BigDecimal received = ordered.multiply(receivedShare).setScale(3, java.math.RoundingMode.DOWN);

    ShortageAllocation.Result r = ShortageAllocation.allocate(lines, received, priceFen);

    BigDecimal allocated = r.shares().stream().map(ShortageAllocation.Share::allocated)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(allocated).isEqualByComparingTo(received.min(ordered));
    assertThat(r.ordered()).isEqualByComparingTo(ordered);
    assertThat(r.shortQty()).isEqualByComparingTo(ordered.subtract(allocated));
    assertThat(r.shares()).hasSameSizeAs(lines);
    boolean someoneEarlierIsShort = false;
    for (ShortageAllocation.Share s : r.shares()) {
      assertThat(s.allocated()).isBetween(BigDecimal.ZERO, s.line().qty());
      assertThat(s.allocated().add(s.shortQty())).isEqualByComparingTo(s.line().qty());
      if (someoneEarlierIsShort) {
        assertThat(s.allocated()).as("a later line gets nothing while an earlier one is short").isZero();
      }
      someoneEarlierIsShort |= s.isShort();
    }
    List<ShortageAllocation.Share> inFifo = new ArrayList<>(r.shares());
    inFifo.sort(java.util.Comparator.comparing((ShortageAllocation.Share s) -> s.line().orderedAt())
        .thenComparingLong(s -> s.line().id()));
    assertThat(r.shares()).containsExactlyElementsOf(inFifo);
    BigDecimal exact = r.shortQty().multiply(BigDecimal.valueOf(priceFen));
    BigDecimal slack = new BigDecimal("0.5").multiply(BigDecimal.valueOf(r.shortShares().size()));
    assertThat(BigDecimal.valueOf(r.refundFen()).subtract(exact).abs()).isLessThanOrEqualTo(slack);
  }

  /** Up to 30 lines with distinct ids, made within a few minutes of each other (ties included). */
  @Provide
  Arbitrary<List<ShortageAllocation.Line>> lines() {
    Arbitrary<BigDecimal> qty = Arbitraries.integers().between(1, 20_000).map(n -> BigDecimal.valueOf(n, 3));
    Arbitrary<Integer> second = Arbitraries.integers().between(0, 300);
    return Combinators.combine(qty, second).as((q, s) -> new Object[] {q, s}).list().ofMaxSize(30)
        .map(specs -> {
          List<ShortageAllocation.Line> out = new ArrayList<>();
          for (int i = 0; i < specs.size(); i++) {
            out.add(new ShortageAllocation.Line(1000 - i * 7L, T0.plusSeconds((Integer) specs.get(i)[1]),
                (BigDecimal) specs.get(i)[0]));
          }
          return out;
        });
  }

  @Provide
  Arbitrary<BigDecimal> fractions() {
    return Arbitraries.oneOf(Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("1.2")),
        Arbitraries.integers().between(0, 1200).map(n -> BigDecimal.valueOf(n, 3)));
  }
}

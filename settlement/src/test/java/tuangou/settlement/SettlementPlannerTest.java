package tuangou.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementPlannerTest {
  private static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2026-11-22T20:00:00+08:00");
  private static final OffsetDateTime PICKUP = OffsetDateTime.parse("2026-11-23T17:30:00+08:00");
  private static final OffsetDateTime NIGHT = OffsetDateTime.parse("2026-11-24T02:00:00+08:00");
  private static final SettlementPlanner ON_PICKUP = SettlementPlanner.of(AccrualPoint.PICKUP);

  /** 苹果 3斤 at 10元 in leader 1's group, 10%. */
  private static SettlementFacts.Line apples(OffsetDateTime pickedUpAt) {
    return new SettlementFacts.Line(123, 1, new BigDecimal("3"), 1000, CommissionRate.ofLeader(1000), CUTOFF,
        pickedUpAt);
  }

  private static SettlementFacts facts(SettlementFacts.Line line, SettlementFacts.Refund... refunds) {
    return new SettlementFacts(List.of(line), List.of(refunds), List.of(), List.of());
  }

  @Test
  void underPickupOnlyCollectedLinesAccrue() {
    assertThat(ON_PICKUP.plan(facts(apples(null)), List.of(), NIGHT).entries()).isEmpty();
    assertThat(ON_PICKUP.plan(facts(apples(PICKUP)), List.of(), NIGHT).entries())
        .containsExactly(LedgerEntry.accrual(1, 123, 3000, 1000, NIGHT));
  }

  @Test
  void underCutoffLinesAccrueOnceCutOff() {
    SettlementPlanner onCutoff = SettlementPlanner.of(AccrualPoint.CUTOFF);

    assertThat(onCutoff.plan(facts(apples(null)), List.of(), NIGHT).entries())
        .containsExactly(LedgerEntry.accrual(1, 123, 3000, 1000, NIGHT));
    assertThat(onCutoff.plan(facts(apples(null)), List.of(), CUTOFF.minusSeconds(1)).entries()).isEmpty();
  }

  @Test
  void factsDatedAfterNowAreNotDueYet() {
    assertThat(ON_PICKUP.plan(facts(apples(PICKUP)), List.of(), PICKUP.minusMinutes(1)).entries()).isEmpty();
    assertThat(ON_PICKUP.plan(facts(apples(PICKUP)), List.of(), PICKUP).entries()).hasSize(1);
  }

  @Test
  void planningAgainWithItsOwnOutputBooksNothing() {
    var all = new SettlementFacts(List.of(apples(PICKUP)),
        List.of(new SettlementFacts.Refund(45, 123, 1500, PICKUP.plusHours(1))),
        List.of(new SettlementFacts.Adjustment(7, 1, 200, "拉新奖励", PICKUP)),
        List.of(new SettlementFacts.Payout(9, 1, 100, PICKUP)));
    List<LedgerEntry> ledger = new ArrayList<>(ON_PICKUP.plan(all, List.of(), NIGHT).entries());

    assertThat(ledger).extracting(LedgerEntry::source)
        .containsExactly("line:123", "refund:45", "adjustment:7", "payout:9");
    assertThat(ledger).allSatisfy(e -> assertThat(e.bookedAt()).isEqualTo(NIGHT));
    assertThat(ON_PICKUP.plan(all, ledger, NIGHT.plusDays(1)).entries()).isEmpty();
  }

  @Test
  void aRefundBeforePickupWaitsForTheAccrual() {
    var shortage = new SettlementFacts.Refund(45, 123, 1000, CUTOFF.plusHours(12));

    SettlementPlan before = ON_PICKUP.plan(facts(apples(null), shortage), List.of(), NIGHT);
    SettlementPlan after = ON_PICKUP.plan(facts(apples(PICKUP), shortage), List.of(), NIGHT);

    assertThat(before.entries()).isEmpty();
    assertThat(before.waiting()).containsExactly("refund:45");
    assertThat(after.entries()).extracting(LedgerEntry::amountFen).containsExactly(300L, -100L);
    assertThat(after.waiting()).isEmpty();
  }

  @Test
  void aRefundExceedingWhatStandsIsRejectedAndNotBooked() {
    var ok = new SettlementFacts.Refund(45, 123, 2000, PICKUP.plusHours(1));
    var tooMuch = new SettlementFacts.Refund(46, 123, 1001, PICKUP.plusHours(2));

    SettlementPlan plan = ON_PICKUP.plan(facts(apples(PICKUP), ok, tooMuch), List.of(), NIGHT);

    assertThat(plan.entries()).extracting(LedgerEntry::source).containsExactly("line:123", "refund:45");
    assertThat(plan.rejections()).singleElement().satisfies(r -> {
      assertThat(r.source()).isEqualTo("refund:46");
      assertThat(r.reason()).contains("1001").contains("1000");
    });
  }

  @Test
  void reversalsUseTheAccrualsRateAndLeaderEvenIfTheFactsChangedSince() {
    List<LedgerEntry> ledger = new ArrayList<>(ON_PICKUP.plan(facts(apples(PICKUP)), List.of(), NIGHT).entries());
    // the item's rate was raised and the group moved to leader 2 after the line accrued
    var changed = new SettlementFacts.Line(123, 2, new BigDecimal("3"), 1000,
        CommissionRate.ofLeader(1000).withItem(1500), CUTOFF, PICKUP);
    var refundAll = new SettlementFacts.Refund(45, 123, 3000, NIGHT.plusDays(1));

    SettlementPlan plan = ON_PICKUP.plan(facts(changed, refundAll), ledger, NIGHT.plusDays(2));

    assertThat(plan.entries()).singleElement().satisfies(e -> {
      assertThat(e.leaderId()).isEqualTo(1);
      assertThat(e.amountFen()).isEqualTo(-300);
      assertThat(e.basis().rateBp()).isEqualTo(1000);
    });
  }

  @Test
  void aLedgerThatReversesALineItNeverAccruedIsRefused() {
    var orphan = LedgerEntry.reversal(1, 45, 999, 100, 1000, 10, NIGHT);

    assertThatThrownBy(() -> ON_PICKUP.plan(SettlementFacts.none(), List.of(orphan), NIGHT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999");
  }
}

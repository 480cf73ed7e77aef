package tuangou.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatementTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  private static OffsetDateTime t(String iso) {
    return OffsetDateTime.parse(iso);
  }

  private static final List<LedgerEntry> LEDGER = List.of(
      LedgerEntry.accrual(1, 100, 5000, 1000, t("2026-10-31T15:59:59Z")), // 10-31 23:59:59 in Shanghai
      LedgerEntry.accrual(1, 101, 3000, 1000, t("2026-10-31T16:00:00Z")), // 11-01 00:00 in Shanghai
      LedgerEntry.reversal(1, 45, 101, 1500, 1000, 150, t("2026-11-10T09:00:00+08:00")),
      LedgerEntry.adjustment(1, 7, 200, "拉新奖励", t("2026-11-15T12:00:00+08:00")),
      LedgerEntry.payout(1, 9, 500, t("2026-11-20T12:00:00+08:00")),
      LedgerEntry.accrual(1, 102, 9990, 1000, t("2026-11-30T23:59:59+08:00")),
      LedgerEntry.accrual(1, 103, 7000, 1000, t("2026-11-30T16:00:00Z")), // 12-01 00:00 in Shanghai
      LedgerEntry.accrual(2, 200, 8000, 1000, t("2026-11-05T10:00:00+08:00"))); // another leader

  @Test
  @DisplayName("11月对账单: months start at midnight in Shanghai, not UTC")
  void figuresAreSumsOfTheMonthsEntriesInShanghai() {
    Statement s = Statements.of(1, NOVEMBER, LEDGER);

    assertThat(s.openingFen()).isEqualTo(500);
    assertThat(s.accrualsFen()).isEqualTo(300 + 999);
    assertThat(s.reversalsFen()).isEqualTo(-150);
    assertThat(s.adjustmentsFen()).isEqualTo(200);
    assertThat(s.payoutsFen()).isEqualTo(-500);
    assertThat(s.closingFen()).isEqualTo(500 + 1299 - 150 + 200 - 500);
    assertThat(s.commissionFen()).isEqualTo(1149);
    assertThat(s.salesFen()).isEqualTo(3000 + 9990);
    assertThat(s.refundedFen()).isEqualTo(1500);
    assertThat(s.entries()).extracting(LedgerEntry::source)
        .containsExactly("line:101", "refund:45", "adjustment:7", "payout:9", "line:102");
    assertThat(s.state()).isEqualTo(StatementState.DRAFT);
    assertThat(Statements.of(1, NOVEMBER.plusMonths(1), LEDGER).openingFen()).isEqualTo(s.closingFen());
  }

  @Test
  void aMonthThatHasNotEndedCannotBeConfirmed() {
    Statement s = Statements.of(1, NOVEMBER, LEDGER);

    assertThatThrownBy(() -> s.confirm(t("2026-11-30T23:59:59+08:00")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-11");
    Statement confirmed = s.confirm(t("2026-12-01T00:00:00+08:00"));
    assertThat(confirmed.state()).isEqualTo(StatementState.CONFIRMED);
    assertThat(confirmed.confirmedAt()).isEqualTo(t("2026-12-01T00:00:00+08:00"));
    assertThat(confirmed.closingFen()).isEqualTo(s.closingFen());
    assertThat(confirmed.confirm(t("2027-01-05T00:00:00+08:00"))).isSameAs(confirmed);
  }

  @Test
  @DisplayName("a late refund after confirmation lands in December; November's figures stay as confirmed")
  void laterBookingsNeverChangeAConfirmedMonth() {
    OffsetDateTime decemberRun = t("2026-12-03T02:00:00+08:00");
    Statement confirmed = Statements.of(1, NOVEMBER, LEDGER).confirm(t("2026-12-02T10:00:00+08:00"));
    var facts = new SettlementFacts(List.of(), List.of(
        new SettlementFacts.Refund(46, 102, 9990, t("2026-11-28T10:00:00+08:00"))), List.of(), List.of());
    List<LedgerEntry> ledger = new ArrayList<>(LEDGER);

    SettlementPlan plan = SettlementPlanner.of(AccrualPoint.PICKUP).plan(facts, ledger, decemberRun);
    ledger.addAll(plan.entries());

    assertThat(plan.entries()).singleElement().satisfies(e -> {
      assertThat(e.amountFen()).isEqualTo(-999);
      assertThat(e.bookedAt()).isEqualTo(decemberRun);
    });
    Statement recomputed = Statements.of(1, NOVEMBER, ledger);
    assertThat(recomputed.confirm(confirmed.confirmedAt())).isEqualTo(confirmed);
    assertThat(Statements.of(1, NOVEMBER.plusMonths(1), ledger).reversalsFen()).isEqualTo(-999);
  }

  @Test
  void aStatementWhoseFiguresDisagreeWithItsEntriesIsRefused() {
    Statement s = Statements.of(1, NOVEMBER, LEDGER);

    assertThatThrownBy(() -> new Statement(1, NOVEMBER, Statements.ZONE, s.openingFen(), s.accrualsFen() + 1,
        s.reversalsFen(), s.adjustmentsFen(), s.payoutsFen(), s.entries(), StatementState.DRAFT, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Statement(2, NOVEMBER, Statements.ZONE, s.openingFen(), s.accrualsFen(),
        s.reversalsFen(), s.adjustmentsFen(), s.payoutsFen(), s.entries(), StatementState.DRAFT, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monthsFollowShanghaiCalendar() {
    assertThat(Statements.monthOf(t("2026-11-30T16:00:00Z"))).isEqualTo(YearMonth.of(2026, 12));
    assertThat(Statements.monthOf(t("2026-11-30T15:59:59Z"))).isEqualTo(NOVEMBER);
    assertThat(Statements.of(1, NOVEMBER, LEDGER).covers(t("2026-10-31T16:00:00Z"))).isTrue();
    assertThat(Statements.of(1, NOVEMBER, LEDGER).covers(t("2026-10-31T15:59:59Z"))).isFalse();
  }
}

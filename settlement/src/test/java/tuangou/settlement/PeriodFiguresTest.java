package tuangou.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodFiguresTest {
  private static final OffsetDateTime NOV = OffsetDateTime.parse("2026-11-01T00:00:00+08:00");
  private static final OffsetDateTime DEC = OffsetDateTime.parse("2026-12-01T00:00:00+08:00");

  @Test
  void aPeriodCountsItsOwnEntriesAndTheBalanceCountsEverythingBefore() {
    List<LedgerEntry> entries = List.of(
        LedgerEntry.accrual(7, 1, 5000, 1000, NOV.minusDays(3)),
        LedgerEntry.payout(7, 1, 500, NOV.minusDays(1)),
        LedgerEntry.accrual(7, 2, 3000, 1000, NOV.plusDays(2)),
        LedgerEntry.reversal(7, 9, 2, 1500, 1000, 150, NOV.plusDays(3)),
        LedgerEntry.adjustment(7, 4, 500, "拉新奖励", NOV.plusDays(4)),
        LedgerEntry.payout(7, 2, 650, NOV.plusDays(5)));
    PeriodFigures f = PeriodFigures.of(7, entries, NOV, DEC);
    assertThat(f.salesFen()).isEqualTo(3000);
    assertThat(f.refundsFen()).isEqualTo(1500);
    assertThat(f.commissionFen()).isEqualTo(300 - 150);
    assertThat(f.adjustmentsFen()).isEqualTo(500);
    assertThat(f.payoutsFen()).isEqualTo(650);
    assertThat(f.balanceFen()).isEqualTo(500 - 500 + 300 - 150 + 500 - 650);
  }

  @Test
  void entriesOfAnotherLeaderOrAfterThePeriodAreRefused() {
    assertThatThrownBy(() -> PeriodFigures.of(7, List.of(LedgerEntry.accrual(8, 1, 100, 1000, NOV)), NOV, DEC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodFigures.of(7, List.of(LedgerEntry.accrual(7, 1, 100, 1000, DEC)), NOV, DEC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeriodFigures.of(7, List.of(), DEC, NOV)).isInstanceOf(IllegalArgumentException.class);
  }
}

package tuangou.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {
  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

  @Test
  void factoriesSignAmountsAsTheyMoveTheBalance() {
    assertThat(LedgerEntry.accrual(1, 123, 3000, 1000, AT).amountFen()).isEqualTo(300);
    assertThat(LedgerEntry.reversal(1, 45, 123, 1500, 1000, 150, AT).amountFen()).isEqualTo(-150);
    assertThat(LedgerEntry.adjustment(1, 7, -200, "漏发商品罚款", AT).amountFen()).isEqualTo(-200);
    assertThat(LedgerEntry.payout(1, 9, 5000, AT).amountFen()).isEqualTo(-5000);
  }

  @Test
  void sourcesCarryTheirKindsPrefix() {
    assertThat(LedgerEntry.accrual(1, 123, 3000, 1000, AT).source()).isEqualTo("line:123");
    assertThat(LedgerEntry.reversal(1, 45, 123, 1500, 1000, 150, AT).source()).isEqualTo("refund:45");
    assertThat(LedgerEntry.adjustment(1, 7, 100, "拉新奖励", AT).source()).isEqualTo("adjustment:7");
    assertThat(LedgerEntry.payout(1, 9, 5000, AT).source()).isEqualTo("payout:9");
    assertThatThrownBy(() -> new LedgerEntry(1, EntryKind.PAYOUT, "refund:9", -5000, null, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LedgerEntry(1, EntryKind.PAYOUT, "payout:", -5000, null, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void amountsWithTheWrongSignAreRefused() {
    var basis = new CommissionBasis(123, 3000, 1000);
    assertThatThrownBy(() -> new LedgerEntry(1, EntryKind.ACCRUAL, "line:123", -1, basis, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LedgerEntry(1, EntryKind.REVERSAL, "refund:45", 1, basis, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LedgerEntry.payout(1, 9, 0, AT)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commissionEntriesNeedTheirBasisAndOthersHaveNone() {
    assertThatThrownBy(() -> new LedgerEntry(1, EntryKind.ACCRUAL, "line:123", 300, null, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LedgerEntry(1, EntryKind.PAYOUT, "payout:9", -1, new CommissionBasis(1, 1, 1), "", AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LedgerEntry.accrual(1, 123, 3000, 1250, AT).basis()).isEqualTo(new CommissionBasis(123, 3000, 1250));
  }

  @Test
  void adjustmentsNeedAReason() {
    assertThatThrownBy(() -> LedgerEntry.adjustment(1, 7, 100, " ", AT)).isInstanceOf(IllegalArgumentException.class);
    assertThat(LedgerEntry.adjustment(1, 7, 100, "拉新奖励", AT).reason()).isEqualTo("拉新奖励");
  }
}

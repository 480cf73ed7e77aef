package tuangou.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The settlement rules hold for any sequence of orders, pickups, refunds, adjustments and payouts. */
class SettlementProperties {

  @Provide
  Arbitrary<SettlementScenario> scenarios() {
    return SettlementScenario.scenarios();
  }

  @Property(tries = 300)
  void closingIsOpeningPlusTheMonthsEntries(@ForAll("scenarios") SettlementScenario scenario) {
    for (SettlementScenario.Step step : scenario.play()) {
      for (long leader = 1; leader <= 3; leader++) {
        for (YearMonth m = YearMonth.of(2026, 10); !m.isAfter(YearMonth.of(2027, 4)); m = m.plusMonths(1)) {
          Statement s = Statements.of(leader, m, step.ledgerAfter());
          long before = sum(step.ledgerAfter(), leader, null, s.startsAt());
          long within = sum(step.ledgerAfter(), leader, s.startsAt(), s.endsAt());
          assertThat(s.openingFen()).isEqualTo(before);
          assertThat(s.closingFen()).isEqualTo(s.openingFen() + within)
              .isEqualTo(s.openingFen() + s.entries().stream().mapToLong(LedgerEntry::amountFen).sum());
        }
      }
    }
  }

  @Property(tries = 300)
  void lineCommissionIsNeverNegativeNorMoreThanAccrued(@ForAll("scenarios") SettlementScenario scenario) {
    for (SettlementScenario.Step step : scenario.play()) {
      Map<Long, Long> net = SettlementScenario.netByLine(step.ledgerAfter());
      for (LedgerEntry accrual : step.ledgerAfter()) {
        if (accrual.kind() == EntryKind.ACCRUAL) {
          assertThat(net.get(accrual.basis().lineId())).isBetween(0L, accrual.amountFen());
        }
      }
    }
  }

  @Property(tries = 300)
  void whatStaysAccruedIsTheCommissionOnWhatWasNotRefunded(@ForAll("scenarios") SettlementScenario scenario) {
    SettlementScenario.Step last = scenario.play().get(scenario.runs().size());
    List<LedgerEntry> ledger = last.ledgerAfter();
    Map<Long, Long> net = SettlementScenario.netByLine(ledger);
    for (SettlementFacts.Line line : scenario.facts().lines()) {
      boolean accrues = scenario.point() == AccrualPoint.CUTOFF || line.pickedUpAt() != null;
      assertThat(net.containsKey(line.lineId())).isEqualTo(accrues);
      if (accrues) {
        long refunded = scenario.expectedRefundFen().get(line.lineId());
        long expected = Commission.commissionFen(line.paidFen() - refunded, line.rate().bp());
        assertThat(net.get(line.lineId())).isEqualTo(expected);
        if (refunded == line.paidFen()) {
          assertThat(net.get(line.lineId())).isZero();
        }
      }
    }
    Set<String> booked = new HashSet<>(ledger.stream().map(LedgerEntry::source).toList());
    Set<String> refused = new HashSet<>(last.plan().rejections().stream().map(SettlementPlan.Rejection::source).toList());
    for (String over : scenario.overRefunds()) {
      assertThat(booked).doesNotContain(over);
      assertThat(refused.contains(over) || last.plan().waiting().contains(over)).as(over).isTrue();
    }
  }

  @Property(tries = 300)
  void settlingAgainBooksNothing(@ForAll("scenarios") SettlementScenario scenario) {
    SettlementPlanner planner = SettlementPlanner.of(scenario.point());
    Set<String> seen = new HashSet<>();
    for (SettlementScenario.Step step : scenario.play()) {
      assertThat(step.plan().entries()).allSatisfy(e -> {
        assertThat(seen.add(e.source())).as("booked once: %s", e.source()).isTrue();
        assertThat(e.bookedAt()).isEqualTo(step.now());
      });
      SettlementPlan again = planner.plan(scenario.facts(), step.ledgerAfter(), step.now());
      assertThat(again.entries()).isEmpty();
      assertThat(again.rejections()).isEqualTo(step.plan().rejections());
    }
  }

  @Property(tries = 300)
  void monthlyStatementsChainClosingToOpening(@ForAll("scenarios") SettlementScenario scenario) {
    List<LedgerEntry> ledger = scenario.play().get(scenario.runs().size()).ledgerAfter();
    YearMonth first = Statements.monthOf(SettlementScenario.BASE);
    YearMonth last = Statements.monthOf(SettlementScenario.BASE.plusHours(SettlementScenario.LAST_HOUR + 1600));
    for (long leader = 1; leader <= 3; leader++) {
      List<Statement> months = Statements.between(leader, first, last, ledger);
      assertThat(months.get(0).openingFen()).isZero();
      for (int i = 1; i < months.size(); i++) {
        assertThat(months.get(i).openingFen()).isEqualTo(months.get(i - 1).closingFen());
      }
      final long who = leader;
      List<LedgerEntry> all = ledger.stream().filter(e -> e.leaderId() == who).toList();
      assertThat(months.stream().mapToInt(s -> s.entries().size()).sum()).isEqualTo(all.size());
      assertThat(months.get(months.size() - 1).closingFen())
          .isEqualTo(all.stream().mapToLong(LedgerEntry::amountFen).sum());
    }
  }

  @Property(tries = 200)
  void aMonthConfirmedAfterItEndedNeverChanges(@ForAll("scenarios") SettlementScenario scenario) {
    List<SettlementScenario.Step> steps = scenario.play();
    List<LedgerEntry> finalLedger = steps.get(steps.size() - 1).ledgerAfter();
    List<Statement> confirmed = new ArrayList<>();
    for (SettlementScenario.Step step : steps) {
      for (YearMonth m = YearMonth.of(2026, 10); Statements.monthOf(step.now()).isAfter(m); m = m.plusMonths(1)) {
        for (long leader = 1; leader <= 3; leader++) {
          confirmed.add(Statements.of(leader, m, step.ledgerAfter()).confirm(step.now()));
        }
      }
    }
    for (Statement s : confirmed) {
      assertThat(Statements.of(s.leaderId(), s.month(), finalLedger).confirm(s.confirmedAt())).isEqualTo(s);
    }
  }

  /** Guards the generator: the properties above mean little unless scenarios reach every rule. */
  @Property(tries = 300)
  void scenariosReachEveryRule(@ForAll("scenarios") SettlementScenario scenario) {
    List<SettlementScenario.Step> steps = scenario.play();
    List<LedgerEntry> ledger = steps.get(steps.size() - 1).ledgerAfter();
    Map<Long, Long> net = SettlementScenario.netByLine(ledger);
    boolean fullyRefunded = ledger.stream().anyMatch(e -> e.kind() == EntryKind.ACCRUAL && e.amountFen() > 0
        && net.get(e.basis().lineId()) == 0);
    long months = ledger.stream().map(e -> Statements.monthOf(e.bookedAt())).distinct().count();
    Statistics.label("reversal").collect(ledger.stream().anyMatch(e -> e.amountFen() < 0 && e.kind() == EntryKind.REVERSAL));
    Statistics.label("rejected").collect(steps.stream().anyMatch(s -> !s.plan().rejections().isEmpty()));
    Statistics.label("waited").collect(steps.stream().anyMatch(s -> !s.plan().waiting().isEmpty()));
    Statistics.label("fully refunded").collect(fullyRefunded);
    Statistics.label("3+ months").collect(months >= 3);
    for (String label : List.of("reversal", "rejected", "waited", "fully refunded", "3+ months")) {
      Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p >= 15));
    }
  }

  @Property(tries = 1000)
  void reversalsOfAnyRefundsAddUpToTheAccrualOnceAllIsRefunded(
      @ForAll("paidFen") long paid, @ForAll("bp") int bp, @ForAll("cuts") List<Integer> cuts) {
    List<Long> refunds = split(paid, cuts);
    LineCommission line = new LineCommission(paid, bp, 0);
    long reversed = 0;
    for (long refund : refunds) {
      var step = (RefundOutcome.Reversed) line.refund(refund);
      assertThat(step.reversalFen()).isNotNegative();
      reversed += step.reversalFen();
      line = step.after();
      assertThat(line.netFen()).isEqualTo(line.accruedFen() - reversed).isNotNegative();
    }
    assertThat(line.netFen()).isZero();
    assertThat(reversed).isEqualTo(Commission.commissionFen(paid, bp));
    assertThat(line.refund(1)).isInstanceOf(RefundOutcome.Exceeds.class);
  }

  @Provide
  Arbitrary<Long> paidFen() {
    return Arbitraries.longs().between(0, 10_000_000);
  }

  @Provide
  Arbitrary<Integer> bp() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(8);
  }

  /** {@code paid} split at the given per-mille cut points, in the order given, summing to {@code paid}. */
  private static List<Long> split(long paid, List<Integer> cuts) {
    List<Long> parts = new ArrayList<>();
    long left = paid;
    for (int perMille : cuts) {
      long part = left * perMille / 1000;
      parts.add(part);
      left -= part;
    }
    parts.add(left);
    return parts;
  }

  private static long sum(List<LedgerEntry> ledger, long leader, OffsetDateTime from, OffsetDateTime to) {
    return ledger.stream().filter(e -> e.leaderId() == leader)
        .filter(e -> (from == null || !e.bookedAt().isBefore(from)) && e.bookedAt().isBefore(to))
        .mapToLong(LedgerEntry::amountFen).sum();
  }
}

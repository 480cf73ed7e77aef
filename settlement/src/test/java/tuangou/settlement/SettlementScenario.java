package tuangou.settlement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random stretch of group buying for the properties: orders cut off and picked up (or never),
 * refunds in pieces (sometimes all of a line, sometimes one fen too many), bonuses, penalties and
 * payouts for three leaders over about four months, and the times at which settlement runs.
 *
 * @param expectedRefundFen per line id, what its accepted refunds add up to
 * @param overRefunds sources of the refunds that ask for more than stands and must be rejected
 */
record SettlementScenario(AccrualPoint point, SettlementFacts facts, List<OffsetDateTime> runs,
    Map<Long, Long> expectedRefundFen, List<String> overRefunds) {
  static final OffsetDateTime BASE = OffsetDateTime.parse("2026-10-25T00:00:00+08:00");
  static final int LAST_HOUR = 2600;

  /** One settlement run: when, what it planned, and the ledger after booking it. */
  record Step(OffsetDateTime now, SettlementPlan plan, List<LedgerEntry> ledgerAfter) {}

  /** Runs settlement at every run time, then once more well after every fact, appending each plan. */
  List<Step> play() {
    SettlementPlanner planner = SettlementPlanner.of(point);
    List<LedgerEntry> ledger = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    List<OffsetDateTime> times = new ArrayList<>(runs);
    times.add(BASE.plusHours(LAST_HOUR + 1600)); // after every fact, refunds included
    for (OffsetDateTime now : times) {
      SettlementPlan plan = planner.plan(facts, ledger, now);
      ledger.addAll(plan.entries());
      steps.add(new Step(now, plan, List.copyOf(ledger)));
    }
    return steps;
  }

  /** Net commission per line id in {@code ledger}: accruals plus reversals. */
  static Map<Long, Long> netByLine(List<LedgerEntry> ledger) {
    return ledger.stream().filter(e -> e.basis() != null)
        .collect(Collectors.groupingBy(e -> e.basis().lineId(), Collectors.summingLong(LedgerEntry::amountFen)));
  }

  private record RawRefunds(List<Integer> weights, List<Integer> delays, boolean all, boolean over) {}

  private record RawLine(long leader, BigDecimal qty, long price, CommissionRate rate, int cutoffHour,
      Integer pickupDelay, RawRefunds refunds) {}

  static Arbitrary<SettlementScenario> scenarios() {
    Arbitrary<Long> leader = Arbitraries.longs().between(1, 3);
    Arbitrary<Integer> hour = Arbitraries.integers().between(0, LAST_HOUR);
    Arbitrary<Integer> bp = Arbitraries.integers().between(0, 10_000);
    Arbitrary<CommissionRate> rate = Combinators.combine(bp, bp.injectNull(0.6), bp.injectNull(0.7))
        .as(CommissionRate::new);
    Arbitrary<RawRefunds> refunds = Combinators.combine(
        Arbitraries.integers().between(1, 100).list().ofMaxSize(4),
        Arbitraries.integers().between(0, 1000).list().ofSize(5),
        Arbitraries.of(true, false),
        Arbitraries.integers().between(0, 4).map(n -> n == 0) // one line in five asks one fen too many
    ).as(RawRefunds::new);
    Arbitrary<RawLine> line = Combinators.combine(leader,
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(3),
        Arbitraries.longs().between(0, 50_000), rate, Arbitraries.integers().between(0, LAST_HOUR - 200),
        Arbitraries.integers().between(0, 240).injectNull(0.2), refunds).as(RawLine::new);
    Arbitrary<SettlementFacts.Adjustment> adjustment = Combinators.combine(leader,
            Arbitraries.longs().between(-5000, 5000), hour)
        .as((who, fen, h) -> new SettlementFacts.Adjustment(0, who, fen, fen >= 0 ? "奖励" : "罚款", at(h)));
    Arbitrary<SettlementFacts.Payout> payout = Combinators.combine(leader,
            Arbitraries.longs().between(1, 20_000), hour)
        .as((who, fen, h) -> new SettlementFacts.Payout(0, who, fen, at(h)));
    return Combinators.combine(Arbitraries.of(AccrualPoint.class), line.list().ofMaxSize(12),
        adjustment.list().ofMaxSize(5), payout.list().ofMaxSize(4),
        hour.set().ofMinSize(1).ofMaxSize(20)).as(SettlementScenario::assemble);
  }

  private static OffsetDateTime at(int hour) {
    return BASE.plusHours(hour);
  }

  private static SettlementScenario assemble(AccrualPoint point, List<RawLine> raw,
      List<SettlementFacts.Adjustment> adjustments, List<SettlementFacts.Payout> payouts, Set<Integer> runHours) {
    List<SettlementFacts.Line> lines = new ArrayList<>();
    List<SettlementFacts.Refund> refunds = new ArrayList<>();
    Map<Long, Long> expected = new HashMap<>();
    List<String> over = new ArrayList<>();
    long refundId = 1;
    for (int i = 0; i < raw.size(); i++) {
      RawLine r = raw.get(i);
      long lineId = i + 1;
      OffsetDateTime cutoff = at(r.cutoffHour());
      var line = new SettlementFacts.Line(lineId, r.leader(), r.qty(), r.price(), r.rate(), cutoff,
          r.pickupDelay() == null ? null : cutoff.plusHours(r.pickupDelay()));
      lines.add(line);
      long paid = line.paidFen();
      long target = r.refunds().all() ? paid : paid / 2;
      List<Integer> weights = r.refunds().weights();
      int total = weights.stream().mapToInt(Integer::intValue).sum();
      long given = 0;
      int latest = 0;
      for (int j = 0; j < weights.size(); j++) {
        long amount = j == weights.size() - 1 ? target - given : target * weights.get(j) / total;
        given += amount;
        latest = Math.max(latest, r.refunds().delays().get(j));
        refunds.add(new SettlementFacts.Refund(refundId++, lineId, amount, cutoff.plusHours(r.refunds().delays().get(j))));
      }
      expected.put(lineId, given);
      if (r.refunds().over()) {
        over.add(EntryKind.REVERSAL.source(refundId));
        refunds.add(new SettlementFacts.Refund(refundId++, lineId, paid - given + 1, cutoff.plusHours(latest + 1)));
      }
    }
    List<SettlementFacts.Adjustment> adj = new ArrayList<>();
    for (int i = 0; i < adjustments.size(); i++) {
      var a = adjustments.get(i);
      adj.add(new SettlementFacts.Adjustment(i + 1, a.leaderId(), a.amountFen(), a.reason(), a.at()));
    }
    List<SettlementFacts.Payout> pay = new ArrayList<>();
    for (int i = 0; i < payouts.size(); i++) {
      var p = payouts.get(i);
      pay.add(new SettlementFacts.Payout(i + 1, p.leaderId(), p.amountFen(), p.at()));
    }
    List<OffsetDateTime> runs = runHours.stream().sorted().map(SettlementScenario::at).toList();
    return new SettlementScenario(point, new SettlementFacts(lines, refunds, adj, pay), runs, expected, over);
  }
}

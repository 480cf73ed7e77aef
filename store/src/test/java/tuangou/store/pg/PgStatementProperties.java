package tuangou.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tuangou.settlement.EntryKind;
import tuangou.settlement.LedgerEntry;
import tuangou.settlement.LineCommission;
import tuangou.settlement.RefundOutcome;
import tuangou.settlement.Statement;
import tuangou.settlement.StatementTotals;
import tuangou.settlement.Statements;

/**
 * The statements the database sums ({@link PgLedger#statementTotals}) are the ones the settlement
 * rules make ({@link Statements#of}, the reference), to the fen, for any ledger: entries of every
 * kind and sign, of three leaders, booked on either side of the months' edges in Asia/Shanghai.
 */
class PgStatementProperties {
  private static final Database DB = TestDatabase.get();
  private static final PgLedger LEDGER = new PgLedger(DB.pool());
  // ids in sources are this run's own, so that a database used before (TUANGOU_PG_URL) has none of them
  private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
  private static final List<OffsetDateTime> EDGES = edges();
  // where the lines that accruals name live: {campaign, group, key of the product}
  private static final long[] LINE_HOME = lineHome();

  /** One entry to book: whose (0 to 2), what kind, how much, when; reversals take a share of a line's standing. */
  record Spec(int leader, EntryKind kind, long amountFen, int rateBp, int percent, OffsetDateTime at) {}

  @Provide
  Arbitrary<List<Spec>> ledgers() {
    Arbitrary<OffsetDateTime> at = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.of(EDGES)),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 140L * 24 * 3600 * 1_000_000)
            .map(us -> OffsetDateTime.of(2026, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC).plus(us, ChronoUnit.MICROS))));
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(EntryKind.class),
            Arbitraries.longs().between(1, 5_000_000), Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 100), at)
        .as(Spec::new).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<YearMonth> months() {
    return Arbitraries.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12));
  }

  @Property(tries = 60)
  void theDatabaseSumsTheStatementsTheRulesMake(@ForAll("ledgers") List<Spec> specs, @ForAll("months") YearMonth month) {
    long[] leaders = leaders();
    List<Long> lines = lines(specs.stream().filter(s -> s.kind() == EntryKind.ACCRUAL).count());
    try {
      List<LedgerEntry> entries = entries(specs, leaders, lines);
      LEDGER.run(tx -> tx.book(entries.stream().map(PgStatementProperties::row).toList())).await();

      Statement bounds = Statements.of(leaders[0], month, List.of());
      Map<Long, StatementTotals> summed = LEDGER.statementTotals(month, bounds.startsAt(), bounds.endsAt()).await();
      for (long leader : leaders) {
        StatementTotals expected = StatementTotals.of(Statements.of(leader, month, entries));
        assertThat(summed.getOrDefault(leader, new StatementTotals(leader, month, 0, 0, 0, 0, 0)))
            .as("leader %d's statement of %s", leader, month).isEqualTo(expected);
      }
    } finally {
      DB.pool().preparedQuery("delete from ledger_entry where leader_id = any($1)").execute(Tuple.of(ids(leaders))).await();
      DB.pool().preparedQuery("delete from order_line where id = any($1)").execute(Tuple.of(lines.toArray(Long[]::new)))
          .await();
      DB.pool().preparedQuery("delete from leader where id = any($1)").execute(Tuple.of(ids(leaders))).await();
    }
  }

  // accruals on lines of their own; reversals of a share of what a line of the leader still has
  // standing, by the rules' arithmetic; adjustments of either sign; payouts
  private static List<LedgerEntry> entries(List<Spec> specs, long[] leaders, List<Long> lines) {
    List<LedgerEntry> out = new ArrayList<>();
    Map<Long, LineCommission> standing = new HashMap<>();
    Map<Long, Long> lineLeader = new HashMap<>();
    int nextLine = 0;
    for (Spec s : specs) {
      long leader = leaders[s.leader()];
      switch (s.kind()) {
        case ACCRUAL -> {
          long line = lines.get(nextLine++);
          out.add(LedgerEntry.accrual(leader, line, s.amountFen(), s.rateBp(), s.at()));
          standing.put(line, new LineCommission(s.amountFen(), s.rateBp(), 0));
          lineLeader.put(line, leader);
        }
        case REVERSAL -> lineLeader.entrySet().stream().filter(e -> e.getValue() == leader).map(Map.Entry::getKey)
            .findFirst().ifPresent(line -> {
              LineCommission c = standing.get(line);
              long refund = c.standingFen() * s.percent() / 100;
              RefundOutcome.Reversed r = (RefundOutcome.Reversed) c.refund(refund);
              out.add(LedgerEntry.reversal(leader, IDS.incrementAndGet(), line, refund, c.rateBp(), r.reversalFen(),
                  s.at()));
              standing.put(line, r.after());
            });
        case ADJUSTMENT -> out.add(LedgerEntry.adjustment(leader, IDS.incrementAndGet(),
            s.percent() % 2 == 0 ? s.amountFen() : -s.amountFen(), "拉新奖励", s.at()));
        case PAYOUT -> out.add(LedgerEntry.payout(leader, IDS.incrementAndGet(), s.amountFen(), s.at()));
      }
    }
    return out;
  }

  private static PgLedger.Entry row(LedgerEntry e) {
    var b = e.basis();
    return new PgLedger.Entry(e.leaderId(), e.kind(), e.source(), e.amountFen(), b == null ? null : b.lineId(),
        b == null ? null : b.baseFen(), b == null ? null : b.rateBp(), e.reason(), e.bookedAt());
  }

  private static long[] leaders() {
    return DB.pool().query("insert into leader (name) select '性质团长' || g from generate_series(1, 3) g returning id")
        .execute().await().stream().mapToLong(r -> r.getLong("id")).sorted().toArray();
  }

  // order lines for accruals to name, in a campaign, group and product made once for the class
  private static List<Long> lines(long count) {
    if (count == 0) {
      return List.of();
    }
    return DB.pool().preparedQuery("insert into order_line (campaign_id, group_id, line_key, origin, customer, "
            + "product_id, qty, source_msg) select $1, $2, 'k' || $3 || '-' || s, 'msg', 'u', $4, 1, 'm' "
            + "from generate_series(1, $5) s returning id")
        .execute(Tuple.of(LINE_HOME[0], LINE_HOME[1], String.valueOf(IDS.incrementAndGet()), "prop-" + LINE_HOME[2],
            (int) count))
        .await().stream().map(r -> r.getLong("id")).sorted().toList();
  }

  private static long[] lineHome() {
    long key = IDS.incrementAndGet();
    Row r = DB.pool().preparedQuery("with l as (insert into leader (name) values ('线团长') returning id), "
            + "g as (insert into chat_group (channel, chat_id, name, leader_id) select 'sim', 'prop-' || $1, '群', id "
            + "from l returning id), p as (insert into product (id, name, price_fen) values ('prop-' || $1, '苹果', 100) "
            + "returning id), c as (insert into campaign (name) values ('性质团') returning id) "
            + "select c.id as campaign, g.id as grp from c, g, p")
        .execute(Tuple.of(String.valueOf(key))).await().iterator().next();
    return new long[] {r.getLong("campaign"), r.getLong("grp"), key};
  }

  private static Long[] ids(long[] leaders) {
    return java.util.Arrays.stream(leaders).boxed().toArray(Long[]::new);
  }

  // each month's first instant in Asia/Shanghai, a microsecond either side, and UTC's midnight
  private static List<OffsetDateTime> edges() {
    List<OffsetDateTime> out = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2026, 9); !m.isAfter(YearMonth.of(2027, 1)); m = m.plusMonths(1)) {
      OffsetDateTime start = Statements.of(0, m, List.of()).startsAt();
      out.add(start);
      out.add(start.minus(1, ChronoUnit.MICROS));
      out.add(start.plus(1, ChronoUnit.MICROS));
      out.add(LocalDateTime.of(m.getYear(), m.getMonth(), 1, 0, 0).atOffset(ZoneOffset.UTC));
    }
    return out;
  }
}

package tuangou.bench;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import tuangou.settlement.AccrualPoint;
import tuangou.bot.settlement.SettlementService;
import tuangou.settlement.StatementTotals;
import tuangou.store.embedded.EmbeddedServers;
import tuangou.store.pg.Database;
import tuangou.store.pg.PgLedger;

/**
 * The settlement scale run (issue 6): a month of order lines over many leaders, in an embedded
 * PostgreSQL of its own (removed afterwards). Times the settlement run that books every line's
 * commission, then every leader's statement as the service makes it (the rules' plain sums added up
 * by the database, checked against the Java rules by {@code PgStatementProperties}) against a plain
 * SQL aggregate of the same rows, and checks that the two agree to the fen. Run it with
 * {@code -Xlog:gc:file=gc.log} to see the heap it needs (the heap after each collection).
 *
 * <p>{@code java -Xmx512m -cp bench/target/benchmarks.jar tuangou.bench.StatementScale [lines=1000000] [leaders=3000]}
 */
public final class StatementScale {
  private StatementScale() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (Throwable t) {
      t.printStackTrace(); // an OutOfMemoryError too: a run that did not finish must say so
    } finally {
      System.exit(status); // Vert.x threads would keep the JVM alive after a failure
    }
  }

  private static void run(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int leaders = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    Path dir = Files.createTempDirectory("tuangou-statement-scale");
    try (EmbeddedServers servers = EmbeddedServers.start(dir, true, false)) {
      Vertx vertx = Vertx.vertx();
      Database db = Database.connect(vertx, servers.postgresUrl(), 8,
          tuangou.store.pg.PgTimeouts.DEFAULT.withoutStatementLimit()).await();
      long t0 = System.nanoTime();
      // one campaign this month, a group per leader, 12 items, every line picked up, 5% refunded
      String[] setup = {
          "insert into leader (name, commission_rate_bp) select '团长' || g, 1000 + (g % 6) * 100 "
              + "from generate_series(1, " + leaders + ") g",
          "insert into chat_group (channel, chat_id, name, leader_id, leader_user) select 'sim', 'scale-' || id, "
              + "'群' || id, id, 'lead-' || id from leader",
          "insert into product (id, name, price_fen) select 'p' || n, '商品' || n, 100 * n + 90 from generate_series(1, 12) n",
          "insert into campaign (name, opens_at, cutoff_at) values ('规模团', date_trunc('month', now()), now())",
          "insert into campaign_item (campaign_id, no, product_id, price_fen) select c.id, n, 'p' || n, 100 * n + 90 "
              + "from campaign c, generate_series(1, 12) n",
          "insert into campaign_group (campaign_id, group_id) select c.id, g.id from campaign c, chat_group g",
          "insert into order_line (campaign_id, group_id, line_key, origin, customer, label, product_id, qty, source_msg) "
              + "select 1, 1 + (s % " + leaders + "), 'k' || s, 'msg:' || s, 'r' || (s % 30), '', 'p' || (1 + s % 12), "
              + "1 + (s % 3) * 0.5, 'm' || s from generate_series(1, " + lines + ") s",
          "insert into pickup (campaign_id, group_id, customer, label, code, picked_at) select 1, group_id, customer, "
              + "label, lpad((nextval('pickup_code_seq'))::text, 6, '0'), now() "
              + "from (select distinct group_id, customer, label from order_line) d",
          "insert into refund (campaign_id, group_id, customer, product_id, qty, amount_fen, reason, kind, order_line_id) "
              + "select 1, group_id, customer, product_id, qty, round(qty * (select price_fen from product p where p.id = o.product_id)), "
              + "'坏了', 'after_sales', id from order_line o where id % 20 = 0",
          "insert into commission_adjustment (leader_id, amount_fen, reason, created_at) select id, 500, '拉新奖励', now() "
              + "from leader"};
      for (String sql : setup) {
        db.pool().query(sql).execute().await();
      }
      db.pool().query("analyze").execute().await();
      System.out.printf("%,d lines over %,d leaders written in %.1f s%n", lines, leaders, (System.nanoTime() - t0) / 1e9);

      PgLedger ledger = new PgLedger(db.pool());
      SettlementService settlement = new SettlementService(ledger, AccrualPoint.PICKUP, Clock.systemUTC(), zone);
      long s0 = System.nanoTime();
      int booked = settlement.settle().await();
      System.out.printf("settlement run: %,d entries booked in %.1f s%n", booked, (System.nanoTime() - s0) / 1e9);
      long again = System.nanoTime();
      int rebooked = settlement.settle().await();
      System.out.printf("settlement again: %d entries, %.1f s%n", rebooked, (System.nanoTime() - again) / 1e9);

      YearMonth month = YearMonth.now(zone);
      var start = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
      var end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
      for (int run = 1; run <= 2; run++) {
        long r0 = System.nanoTime();
        Map<Long, StatementTotals> statements = settlement.statements(month).await();
        double rules = (System.nanoTime() - r0) / 1e9;
        long q0 = System.nanoTime();
        Map<Long, long[]> sql = ledger.monthTotals(start, end).await();
        double plain = (System.nanoTime() - q0) / 1e9;
        long differ = statements.values().stream().filter(s -> {
          long[] t = sql.get(s.leaderId());
          return t == null || t[0] != s.openingFen() || t[1] != s.accrualsFen() || t[2] != s.reversalsFen()
              || t[3] != s.adjustmentsFen() || t[4] != s.payoutsFen();
        }).count();
        long commission = statements.values().stream().mapToLong(s -> s.accrualsFen() + s.reversalsFen()).sum();
        System.out.printf("run %d: %,d statements through the rules in %.1f s; plain SQL aggregate %.1f s; "
            + "%d differ; commission in all %,d fen%n", run, statements.size(), rules, plain, differ, commission);
      }
      vertx.close().await();
    } finally {
      // a million lines leave 1.5 GB of database behind
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}

package tuangou.bot.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.app.TestService;
import tuangou.settlement.AccrualPoint;
import tuangou.store.pg.PgLedger;

/**
 * Runs after the first book what changed since, from the queues the database keeps (V18): a line
 * picked up later, a refund after booking; a line changed after its accrual is not booked again, a
 * cancelled line never; nothing is booked twice and nothing is lost, and two runs at once book each
 * entry once. 苹果 at 1.00元, a leader on 10%.
 */
class IncrementalSettlementTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final Pool pool = TestService.get().service().pool();
  private final PgLedger ledger = new PgLedger(pool);
  private final SettlementService settlement = new SettlementService(ledger, AccrualPoint.PICKUP, Clock.systemUTC(),
      ZONE, 2);
  private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
  private final String key = UUID.randomUUID().toString();
  private long leader;
  private long group;
  private long campaign;

  @Test
  void aLaterRunBooksWhatChangedSinceAndNothingTwice() {
    home();
    long u1 = line("u1", "1");
    long u2 = line("u2", "2");
    long u3 = line("u3", "3");
    long u4 = line("u4", "4");
    pickedUp("u1");
    pickedUp("u2");
    settlement.settle().await();
    assertThat(entries()).containsExactlyInAnyOrder("accrual " + u1 + " 10", "accrual " + u2 + " 20");
    assertThat(waiting()).containsExactlyInAnyOrder(u3, u4);

    // after the run: u1 changes (its accrual stands), u2 is refunded, u3 is picked up, u4 cancelled,
    // u5 ordered and picked up
    exec("update order_line set qty = 7 where id = $1", u1);
    exec("insert into refund (campaign_id, group_id, customer, product_id, qty, amount_fen, reason, kind, order_line_id, "
        + "created_at) values ($1, $2, 'u2', 'inc-' || $3, 1, 100, '坏了', 'after_sales', $4, $5)",
        campaign, group, key, u2, now.minusMinutes(1));
    pickedUp("u3");
    exec("update order_line set status = 'cancelled' where id = $1", u4);
    long u5 = line("u5", "5");
    pickedUp("u5");
    assertThat(waiting()).containsExactlyInAnyOrder(u3, u5);
    settlement.settle().await();
    settlement.settle().await();

    // u2 paid 2.00元, 1.00元 of it refunded: C(200) - C(100) = 10
    assertThat(entries()).containsExactlyInAnyOrder("accrual " + u1 + " 10", "accrual " + u2 + " 20",
        "reversal " + u2 + " -10", "accrual " + u3 + " 30", "accrual " + u5 + " 50");
    assertThat(waiting()).isEmpty();
    assertThat(one("select count(*) from refund_to_reverse q join refund f on f.id = q.refund_id "
        + "where f.group_id = $1", group)).isZero();
  }

  @Test
  void twoRunsAtOnceBookEachEntryOnce() {
    home();
    List<Long> lines = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      lines.add(line("u" + i, "1"));
      pickedUp("u" + i);
    }
    SettlementService other = new SettlementService(ledger, AccrualPoint.PICKUP, Clock.systemUTC(), ZONE, 2);
    Future.all(settlement.settle(), other.settle()).await();
    settlement.settle().await();
    assertThat(entries()).hasSize(9).doesNotHaveDuplicates();
    assertThat(waiting()).isEmpty();
  }

  private void home() {
    leader = one("insert into leader (name, commission_rate_bp) values ('续算团长', 1000) returning id");
    group = one("insert into chat_group (channel, chat_id, name, leader_id) values ('sim', 'inc-' || $1, '续算群', $2) "
        + "returning id", key, leader);
    one("insert into product (id, name, price_fen) values ('inc-' || $1, '苹果', 100) returning 1", key);
    campaign = one("insert into campaign (name, opens_at, cutoff_at) values ('续算团', $1, $2) returning id",
        now.minusHours(3), now.minusHours(2));
    one("insert into campaign_group (campaign_id, group_id) values ($1, $2) returning 1", campaign, group);
    one("insert into campaign_item (campaign_id, no, product_id, price_fen) values ($1, 1, 'inc-' || $2, 100) "
        + "returning 1", campaign, key);
  }

  private long line(String customer, String qty) {
    return one("insert into order_line (campaign_id, group_id, line_key, origin, customer, product_id, qty, source_msg) "
        + "values ($1, $2, $3, 'msg', $3, 'inc-' || $4, $5, 'm') returning id", campaign, group, customer, key,
        new BigDecimal(qty));
  }

  private void pickedUp(String customer) {
    exec("insert into pickup (campaign_id, group_id, customer, code, picked_at) values ($1, $2, $3, $4, $5)",
        campaign, group, customer, key.substring(0, 6) + customer, now.minusMinutes(5));
  }

  // "kind line amount" of the leader's entries
  private List<String> entries() {
    List<String> out = new ArrayList<>();
    pool.preparedQuery("select kind, line_id, amount_fen from ledger_entry where leader_id = $1").execute(Tuple.of(leader))
        .await().forEach(r -> out.add(r.getString("kind") + " " + r.getLong("line_id") + " " + r.getLong("amount_fen")));
    return out;
  }

  private List<Long> waiting() {
    List<Long> out = new ArrayList<>();
    pool.preparedQuery("select q.line_id from line_to_accrue q join order_line l on l.id = q.line_id "
        + "where l.group_id = $1").execute(Tuple.of(group)).await().forEach(r -> out.add(r.getLong(0)));
    return out;
  }

  private void exec(String sql, Object... args) {
    pool.preparedQuery(sql).execute(Tuple.from(args)).await();
  }

  private long one(String sql, Object... args) {
    return pool.preparedQuery(sql).execute(Tuple.from(args)).await().iterator().next().getLong(0);
  }
}

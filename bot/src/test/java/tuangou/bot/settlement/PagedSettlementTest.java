package tuangou.bot.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.app.TestService;
import tuangou.settlement.AccrualPoint;
import tuangou.settlement.Statement;
import tuangou.settlement.StatementTotals;
import tuangou.store.pg.PgLedger;

/**
 * A settlement run read two facts at a time books what one run over all facts would: pages end
 * between a line's refunds, and a later page reverses from what the earlier pages booked. 苹果 at
 * 3.33元, a leader on 10%.
 */
class PagedSettlementTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final Pool pool = TestService.get().service().pool();
  private final PgLedger ledger = new PgLedger(pool);
  private final SettlementService settlement = new SettlementService(ledger, AccrualPoint.PICKUP, Clock.systemUTC(),
      ZONE, 2);

  @Test
  void pagesOfTwoBookWhatTheRulesBookForAllFactsAtOnce() {
    String key = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    long leader = one("insert into leader (name, commission_rate_bp) values ('翻页团长', 1000) returning id");
    long group = one("insert into chat_group (channel, chat_id, name, leader_id) values ('sim', 'paged-' || $1, '翻页群', "
        + "$2) returning id", key, leader);
    one("insert into product (id, name, price_fen) values ('paged-' || $1, '苹果', 333) returning 1", key);
    long campaign = one("insert into campaign (name, opens_at, cutoff_at) values ('翻页团', $1, $2) returning id",
        now.minusHours(3), now.minusHours(2));
    one("insert into campaign_group (campaign_id, group_id) values ($1, $2) returning 1", campaign, group);
    one("insert into campaign_item (campaign_id, no, product_id, price_fen) values ($1, 1, 'paged-' || $2, 333) "
        + "returning 1", campaign, key);
    // five residents' lines picked up; u6 has not come, u7 cancelled
    String[] qty = {"1", "2", "3", "1.5", "0.5", "1", "1"};
    long[] line = new long[qty.length];
    for (int i = 0; i < qty.length; i++) {
      String customer = "u" + (i + 1);
      line[i] = one("insert into order_line (campaign_id, group_id, line_key, origin, customer, product_id, qty, "
          + "source_msg, status) values ($1, $2, $3, 'msg', $3, 'paged-' || $4, $5, 'm', $6) returning id",
          campaign, group, customer, key, new java.math.BigDecimal(qty[i]), i == 6 ? "cancelled" : "active");
      if (i < 5) {
        one("insert into pickup (campaign_id, group_id, customer, code, picked_at) values ($1, $2, $3, $4, $5) "
            + "returning 1", campaign, group, customer, key.substring(0, 8) + i, now.minusHours(1));
      }
    }
    // u1's 3.33元 refunded 1.00元 at a time, the fourth time more than is left; u3's by customer and product
    for (int i = 0; i < 4; i++) {
      one("insert into refund (campaign_id, group_id, customer, product_id, qty, amount_fen, reason, kind, "
          + "order_line_id, created_at) values ($1, $2, 'u1', 'paged-' || $3, 0.3, 100, '坏了', 'after_sales', $4, $5) "
          + "returning 1", campaign, group, key, line[0], now.minusMinutes(30 - i));
    }
    one("insert into refund (campaign_id, group_id, customer, product_id, qty, amount_fen, reason, kind, created_at) "
        + "values ($1, $2, 'u3', 'paged-' || $3, 3, 999, '坏了', 'after_sales', $4) returning 1",
        campaign, group, key, now.minusMinutes(20));

    settlement.settle().await();

    // paid 3.33, 6.66, 9.99, 5.00 (4.995 half-up), 1.67 (1.665): 10% half-up is 0.33 + 0.67 + 1.00 + 0.50 + 0.17
    List<Row> accruals = entries(leader, "accrual");
    assertThat(accruals).extracting(r -> r.getLong("amount_fen")).containsExactlyInAnyOrder(33L, 67L, 100L, 50L, 17L);
    // u1: C(333)-C(233) = 10, C(233)-C(133) = 10, C(133)-C(33) = 10; the fourth 1.00元 exceeds the 0.33 left
    // (a page that forgot the earlier pages' reversals would book it); u3: all of 9.99 takes back 1.00
    List<Row> reversals = entries(leader, "reversal");
    assertThat(reversals).extracting(r -> r.getLong("amount_fen")).containsExactlyInAnyOrder(-10L, -10L, -10L, -100L);
    assertThat(reversals).extracting(r -> r.getLong("line_id"))
        .containsExactlyInAnyOrder(line[0], line[0], line[0], line[2]);

    settlement.settle().await();
    assertThat(entries(leader, "accrual")).hasSize(5);
    assertThat(entries(leader, "reversal")).hasSize(4);

    // the month's figures summed by the database are the rules' own over the leader's entries
    YearMonth month = YearMonth.now(ZONE);
    StatementTotals summed = settlement.statements(month).await().get(leader);
    Statement rules = settlement.statement(leader, month).await();
    assertThat(summed).isEqualTo(StatementTotals.of(rules));
    assertThat(summed.accrualsFen()).isEqualTo(267L);
    assertThat(summed.reversalsFen()).isEqualTo(-130L);
  }

  private List<Row> entries(long leader, String kind) {
    List<Row> out = new java.util.ArrayList<>();
    pool.preparedQuery("select * from ledger_entry where leader_id = $1 and kind = $2").execute(Tuple.of(leader, kind))
        .await().forEach(out::add);
    return out;
  }

  private long one(String sql, Object... args) {
    return pool.preparedQuery(sql).execute(Tuple.from(args)).await().iterator().next().getLong(0);
  }
}

package tuangou.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A settlement run's cursor pages, on a real PostgreSQL. */
class PgSettlementRunTest {
  private static final Database DB = TestDatabase.get();
  private final PgLedger ledger = new PgLedger(DB.pool());
  private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

  @Test
  void everyDueLineComesOnceInPagesOfTwo() throws Exception {
    List<Long> mine = dueLines(5);
    List<Long> seen = new ArrayList<>();
    int total = within(ledger.run(tx -> tx.eachLinePage(false, now, 2, page -> {
      assertThat(page.size()).isLessThanOrEqualTo(2);
      page.forEach(l -> seen.add(l.lineId()));
      return Future.succeededFuture(page.size());
    })));
    assertThat(seen.stream().filter(mine::contains)).containsExactlyInAnyOrderElementsOf(mine);
    assertThat(seen).doesNotHaveDuplicates().hasSize(total);
  }

  @Test
  void aPageTheRulesRefuseFailsTheRunRatherThanLeavingItWaiting() throws Exception {
    dueLines(3);
    Future<Integer> run = ledger.run(tx -> tx.eachLinePage(false, now, 2, page -> {
      throw new IllegalArgumentException("the ledger contradicts itself");
    }));
    assertThatThrownBy(() -> within(run)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEntryNamingALineThatDoesNotExistIsRefusedAndNothingOfItsRunStays() throws Exception {
    long leader = one("insert into leader (name) values ('无线团长') returning id");
    String source = "adjustment:" + UUID.randomUUID();
    PgLedger.Entry fine = new PgLedger.Entry(leader, tuangou.settlement.EntryKind.ADJUSTMENT, source, 500, null, null,
        null, "奖励", now);
    PgLedger.Entry dangling = new PgLedger.Entry(leader, tuangou.settlement.EntryKind.ACCRUAL,
        "line:" + UUID.randomUUID(), 10, Long.MAX_VALUE, 100L, 1000, "", now);
    assertThatThrownBy(() -> within(ledger.run(tx -> tx.book(List.of(fine)).compose(n -> tx.book(List.of(dangling))))))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(tuangou.store.ConflictException.class);
    assertThat(DB.pool().preparedQuery("select count(*) from ledger_entry where source = $1")
        .execute(Tuple.of(source)).await().iterator().next().getLong(0)).as("the run rolled back").isZero();
  }

  // lines of a campaign cut off an hour ago, in a group of a new leader
  private List<Long> dueLines(int count) {
    String key = UUID.randomUUID().toString();
    long leader = one("insert into leader (name) values ('翻页团长') returning id");
    long group = one("insert into chat_group (channel, chat_id, name, leader_id) values ('sim', $1, '群', $2) "
        + "returning id", key, leader);
    one("insert into product (id, name, price_fen) values ($1, '苹果', 100) returning 1", key);
    long campaign = one("insert into campaign (name, opens_at, cutoff_at) values ('团', $1, $2) returning id",
        now.minusHours(2), now.minusHours(1));
    one("insert into campaign_group (campaign_id, group_id) values ($1, $2) returning 1", campaign, group);
    one("insert into campaign_item (campaign_id, no, product_id, price_fen) values ($1, 1, $2, 100) returning 1",
        campaign, key);
    List<Long> out = new ArrayList<>();
    DB.pool().preparedQuery("insert into order_line (campaign_id, group_id, line_key, origin, customer, product_id, "
            + "qty, source_msg) select $1, $2, 'k' || s, 'msg', 'u' || s, $3, 1, 'm' from generate_series(1, $4) s "
            + "returning id")
        .execute(Tuple.of(campaign, group, key, count)).await().forEach(r -> out.add(r.getLong("id")));
    return out;
  }

  private long one(String sql, Object... args) {
    return DB.pool().preparedQuery(sql).execute(Tuple.from(args)).await().iterator().next().getLong(0);
  }

  private static <T> T within(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}

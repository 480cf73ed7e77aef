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
        "line:" + Long.MAX_VALUE, 10, Long.MAX_VALUE, 100L, 1000, "", now);
    assertThatThrownBy(() -> within(ledger.run(tx -> tx.book(List.of(fine)).compose(n -> tx.book(List.of(dangling))))))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(tuangou.store.ConflictException.class);
    assertThat(DB.pool().preparedQuery("select count(*) from ledger_entry where source = $1")
        .execute(Tuple.of(source)).await().iterator().next().getLong(0)).as("the run rolled back").isZero();
  }

  @Test
  void aLineWaitsInTheQueueUntilItsAccrualIsBookedOrItIsCancelled() throws Exception {
    List<Long> lines = dueLines(3);
    assertThat(waiting(lines)).containsExactlyInAnyOrderElementsOf(lines);
    long leader = one("select g.leader_id from order_line l join chat_group g on g.id = l.group_id where l.id = $1",
        lines.get(0));
    within(ledger.run(tx -> tx.book(List.of(accrual(leader, lines.get(0))))));
    DB.pool().preparedQuery("update order_line set status = 'cancelled' where id = $1").execute(Tuple.of(lines.get(1)))
        .await();
    assertThat(waiting(lines)).containsExactly(lines.get(2));
  }

  @Test
  void anAccrualOfALineNotWaitingIsRefused() throws Exception {
    List<Long> lines = dueLines(2);
    long leader = one("select g.leader_id from order_line l join chat_group g on g.id = l.group_id where l.id = $1",
        lines.get(0));
    DB.pool().preparedQuery("update order_line set status = 'cancelled' where id = $1").execute(Tuple.of(lines.get(0)))
        .await();
    assertThatThrownBy(() -> within(ledger.run(tx -> tx.book(List.of(accrual(leader, lines.get(0)))))))
        .as("a cancelled line").isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(tuangou.store.ConflictException.class);
    within(ledger.run(tx -> tx.book(List.of(accrual(leader, lines.get(1))))));
    assertThatThrownBy(() -> within(ledger.run(tx -> tx.book(List.of(accrual(leader, lines.get(1)))))))
        .as("a line accrued already").isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(tuangou.store.ConflictException.class);
  }

  private PgLedger.Entry accrual(long leader, long line) {
    return new PgLedger.Entry(leader, tuangou.settlement.EntryKind.ACCRUAL, "line:" + line, 10, line, 100L, 1000, "",
        now);
  }

  private List<Long> waiting(List<Long> lines) {
    List<Long> out = new ArrayList<>();
    DB.pool().preparedQuery("select line_id from line_to_accrue where line_id = any($1)")
        .execute(Tuple.of(lines.toArray(Long[]::new))).await().forEach(r -> out.add(r.getLong(0)));
    return out;
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

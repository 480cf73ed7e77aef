package tuangou.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Messages that arrive together are stored together, each once, in order within its group. */
class InboxBatchesTest {
  private final Database db = TestDatabase.get();
  private final Pool pool = db.pool();
  private final PgInbox inbox = new PgInbox(pool);
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private long group(String chat) {
    long leader = pool.query("insert into leader (name) values ('王姐') returning id").execute().await().iterator().next()
        .getLong(0);
    return pool.preparedQuery("insert into chat_group (channel, chat_id, name, leader_id) values ('sim', $1, '群', $2) "
        + "returning id").execute(Tuple.of(chat, leader)).await().iterator().next().getLong(0);
  }

  private Future<PgInbox.Stored> store(String chat, Long group, String msgId, String text) {
    return inbox.store("sim", msgId, group, chat, "u-" + msgId, "住户", text, List.of(), Map.of(), OffsetDateTime.now());
  }

  @Test
  void aBurstIsStoredOnceEachWithIdsInArrivalOrderWithinEveryGroup() throws Exception {
    int groups = 8;
    int perGroup = 60;
    List<String> chats = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      chats.add("burst-" + run + "-" + g);
      ids.add(group(chats.get(g)));
    }
    // each group's messages are sent in order by one sender; the groups race each other and their retries
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(groups);
    List<CompletableFuture<List<PgInbox.Stored>>> senders = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int gi = g;
      senders.add(CompletableFuture.supplyAsync(() -> {
        List<PgInbox.Stored> stored = new ArrayList<>();
        for (int m = 0; m < perGroup; m++) {
          String id = "m" + m;
          Future<PgInbox.Stored> first = store(chats.get(gi), ids.get(gi), id, "苹果" + m + "斤");
          Future<PgInbox.Stored> retry = store(chats.get(gi), ids.get(gi), id, "苹果" + m + "斤");
          stored.add(first.await());
          PgInbox.Stored again = retry.await();
          assertThat(again.id()).isEqualTo(stored.get(m).id());
          assertThat(again.fresh() ^ stored.get(m).fresh()).as("exactly one of the two is the fresh one").isTrue();
        }
        return stored;
      }, threads));
    }
    for (int g = 0; g < groups; g++) {
      List<PgInbox.Stored> stored = senders.get(g).get(60, TimeUnit.SECONDS);
      List<Row> rows = new ArrayList<>();
      pool.preparedQuery("select id, msg_id from inbox where group_id = $1 order by id").execute(Tuple.of(ids.get(g)))
          .await().forEach(rows::add);
      assertThat(rows).hasSize(perGroup);
      for (int m = 0; m < perGroup; m++) {
        assertThat(rows.get(m).getString("msg_id")).as("ids follow the order the group's messages came in").isEqualTo("m" + m);
        assertThat(rows.get(m).getLong("id")).isEqualTo(stored.get(m).id());
      }
      long lines = pool.preparedQuery("select count(*) from sim_message where chat_id = $1")
          .execute(Tuple.of(chats.get(g))).await().iterator().next().getLong(0);
      assertThat(lines).as("each message shown once in the simulated chat").isEqualTo(perGroup);
    }
    threads.shutdown();
  }

  @Test
  void aMessageTheDatabaseRefusesFailsAloneAndTheOthersOfItsBatchAreStored() {
    String chat = "refused-" + run;
    long group = group(chat);
    // sent together, so that they share batches: PostgreSQL refuses a NUL in text
    List<Future<PgInbox.Stored>> sent = new ArrayList<>();
    for (int m = 0; m < 40; m++) {
      sent.add(store(chat, group, "m" + m, m == 17 ? "苹果\u00002斤" : "苹果" + m + "斤"));
    }
    Map<Integer, Throwable> failed = new HashMap<>();
    for (int m = 0; m < sent.size(); m++) {
      try {
        sent.get(m).await();
      } catch (RuntimeException e) {
        failed.put(m, e);
      }
    }
    assertThat(failed).containsOnlyKeys(17);
    long stored = pool.preparedQuery("select count(*) from inbox where group_id = $1").execute(Tuple.of(group)).await()
        .iterator().next().getLong(0);
    assertThat(stored).isEqualTo(39);
  }
}

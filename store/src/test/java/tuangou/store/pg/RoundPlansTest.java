package tuangou.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group's transaction keeps one plan a statement for its connection's life, made at its first use,
 * often while the tables are still small. That plan must still be right once they have grown: a keyed
 * statement is planned on its index, never as a scan of the whole table.
 */
class RoundPlansTest {
  private final PgOrders orders = new PgOrders(TestDatabase.get().pool());

  @Test
  void aRoundsKeptPlansLookRowsUpByTheirIndexWhateverTheTablesSize() {
    assertOnIndexes(orders.inGroups(List.of(1L, 2L), txs -> plans(txs.connection())).await());
  }

  @Test
  void soDoAGroupsAlone() {
    assertOnIndexes(orders.inGroup(1L, tx -> plans(tx.connection())).await());
  }

  private static void assertOnIndexes(List<String> plans) {
    assertThat(plans.get(0)).contains("inbox_pkey").doesNotContain("Seq Scan");
    assertThat(plans.get(1)).contains("chat_group_pkey").doesNotContain("Seq Scan");
  }

  /** The plans the transaction keeps for the inbox's done marks and the groups' book counts. */
  private static Future<List<String>> plans(SqlConnection conn) {
    return conn.query("prepare done_marks(bigint[]) as update inbox set state = 'done' where id = any($1); "
            + "prepare books(bigint[]) as update chat_group set book_version = book_version + 1 where id = any($1)")
        .execute()
        .compose(v -> conn.query("explain execute done_marks('{1,2}')").execute())
        .compose(done -> conn.query("explain execute books('{1}')").execute()
            .map(books -> List.of(text(done), text(books))))
        .compose(both -> conn.query("deallocate done_marks; deallocate books").execute().map(both));
  }

  private static String text(RowSet<Row> plan) {
    StringBuilder s = new StringBuilder();
    plan.forEach(r -> s.append(r.getString(0)).append('\n'));
    return s.toString();
  }
}

package tuangou.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;

/** A message's statements are cut short in seconds; a month's settlement query on the bulk pool is not. */
class DatabasePoolsTest {
  private static String setting(Pool pool) {
    return pool.query("show statement_timeout").execute().await().iterator().next().getString(0);
  }

  @Test
  void theBulkPoolAllowsMinutesWhereTheServicePoolAllowsSeconds() {
    Database db = TestDatabase.get();
    assertThat(setting(db.pool())).isEqualTo("5s");
    assertThat(setting(db.bulk())).isEqualTo("10min");
  }
}

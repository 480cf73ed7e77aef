package tuangou.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import tuangou.store.Unavailability;

/**
 * A group's lock that is not granted in time (another instance holds the group past the statement
 * timeout) means the database cannot serve the group now: the caller retries later. The work's own
 * statements then fail only because the transaction is aborted; that must not be taken for the
 * message being at fault, which would set a sound message aside.
 */
class LockTimeoutTest {
  @Test
  void aGroupLockNotGrantedInTimeIsTheDatabaseBeingAwayNotTheMessage() {
    Vertx vertx = Vertx.vertx();
    Pool holder = TestDatabase.get().pool();
    Pool strict = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(TestDatabase.url())
        .addProperty("statement_timeout", "300")).using(vertx).build();
    int group = 987_654;
    SqlConnection held = holder.getConnection().await();
    try {
      held.query("begin").execute().await();
      held.preparedQuery("select pg_advisory_xact_lock($1, $2)").execute(Tuple.of(LockKeys.GROUP, group)).await();

      Throwable failed = new PgOrders(strict).inGroup(group, tx -> tx.pending(1).map(p -> p.size()))
          .<Throwable>transform(ar -> Future.succeededFuture(ar.cause())).await();

      assertThat(failed).as("the round fails").isNotNull();
      assertThat(Unavailability.of(failed)).as(String.valueOf(failed)).isTrue();
    } finally {
      held.query("rollback").execute().await();
      held.close().await();
      strict.close().await();
      vertx.close().await();
    }
  }
}

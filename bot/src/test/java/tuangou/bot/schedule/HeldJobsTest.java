package tuangou.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.app.TestService;
import tuangou.store.pg.PgJobs;

/** Jobs held for the quiet hours, on the real database: a restart with other quiet hours decides again. */
class HeldJobsTest {
  private static final TestService SERVICE = TestService.get();
  // long before anything other tests plan, so that running what is due here runs only this test's jobs
  private static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("2001-01-01T00:00:00+08:00");

  private static long campaign() {
    String chat = TestService.chatId("held");
    long group = SERVICE.simGroup(chat, "lead");
    return SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("announce", false).put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "held-apple")
            .put("name", "烟台苹果").put("unit", "斤").put("priceFen", 690)))).json().getLong("id");
  }

  private static OffsetDateTime dueAt(String key) {
    return SERVICE.service().pool().preparedQuery("select due_at from scheduled_job where key = $1")
        .execute(Tuple.of(key)).await().iterator().next().getOffsetDateTime("due_at");
  }

  @Test
  void aJobHeldForTheQuietHoursIsBroughtForwardWhenTheServiceNoLongerHasThem() {
    PgJobs jobs = new PgJobs(SERVICE.service().pool());
    long campaign = campaign();
    String held = "test-held:" + UUID.randomUUID();
    String planned = "test-planned:" + UUID.randomUUID();
    OffsetDateTime morning = LONG_AGO.plusHours(7).plusMinutes(30);
    jobs.plan(List.of(new PgJobs.Plan(held, "deals", campaign, null, LONG_AGO.minusMinutes(1)),
        new PgJobs.Plan(planned, "deals", campaign, null, morning.plusHours(2)))).await();

    // at night the job is moved to the end of the quiet hours; the other was planned for later anyway
    int ran = jobs.runDue(LONG_AGO, 50, job -> Future.succeededFuture(new PgJobs.Later(morning))).await();
    assertThat(ran).isEqualTo(1);
    assertThat(dueAt(held)).isEqualTo(morning);

    // started again at 01:00 with the quiet hours off: the held job may go now, the planned one waits
    OffsetDateTime restart = LONG_AGO.plusHours(1);
    assertThat(jobs.bringHeldForward(restart).await()).isPositive();
    assertThat(dueAt(held)).isEqualTo(restart);
    assertThat(dueAt(planned)).isEqualTo(morning.plusHours(2));
  }
}

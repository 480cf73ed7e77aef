package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import tuangou.store.OutboxDraft;
import tuangou.store.ScheduledJob;
import tuangou.store.StoreUnavailableException;

/**
 * Scheduled jobs in PostgreSQL. A due job is claimed with SKIP LOCKED and its pushes are queued in
 * the same transaction that marks it done, so a job runs once even with several instances, and a
 * crash before the commit leaves it pending to run again (its pushes were not queued).
 */
public final class PgJobs {
  static final int MAX_ATTEMPTS = 5;
  private final Pool pool;

  public PgJobs(Pool pool) {
    this.pool = pool;
  }

  /** A job to plan. */
  public record Plan(String key, String kind, Long campaignId, Long groupId, OffsetDateTime dueAt) {}

  /** What became of a job: done with its pushes, dropped (no longer meaningful), or moved to later. */
  public sealed interface Outcome permits Done, Dropped, Later {}

  public record Done(List<OutboxDraft> pushes) implements Outcome {}

  public record Dropped(String why) implements Outcome {}

  public record Later(OffsetDateTime dueAt) implements Outcome {}

  /** Plans jobs; one whose key is already planned is left as it is. */
  public Future<Void> plan(List<Plan> plans) {
    return plan(pool, plans).recover(t -> PgErrors.translate(t, ""));
  }

  /** Plans jobs through {@code client}: the pool, or a transaction that plans them with its other writes. */
  static Future<Void> plan(io.vertx.sqlclient.SqlClient client, List<Plan> plans) {
    if (plans.isEmpty()) {
      return Future.succeededFuture();
    }
    return client.preparedQuery("insert into scheduled_job (key, kind, campaign_id, group_id, due_at) "
            + "values ($1, $2, $3, $4, $5) on conflict (key) do nothing")
        .executeBatch(plans.stream().map(p -> Tuple.of(p.key(), p.kind(), p.campaignId(), p.groupId(), p.dueAt())).toList())
        .mapEmpty();
  }

  /**
   * Runs up to {@code limit} jobs due at {@code now}, oldest first; returns how many were run. A
   * job whose handler fails is tried again a minute later, and failed after {@value #MAX_ATTEMPTS} tries.
   */
  public Future<Integer> runDue(OffsetDateTime now, int limit, Function<ScheduledJob, Future<Outcome>> handler) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("select * from scheduled_job where state = 'pending' and due_at <= $1 order by due_at, id "
                + "limit $2 for update skip locked")
            .execute(Tuple.of(now, limit))
            .compose(rs -> {
              List<ScheduledJob> due = PgCatalog.all(rs, r -> new ScheduledJob(r.getLong("id"), r.getString("key"),
                  r.getString("kind"), r.getLong("campaign_id"), r.getLong("group_id"), r.getOffsetDateTime("due_at"),
                  r.getInteger("attempts")));
              Future<Integer> ran = Future.succeededFuture(0);
              for (ScheduledJob job : due) {
                ran = ran.compose(n -> handler.apply(job).<Object>map(o -> o)
                    .recover(t -> t instanceof StoreUnavailableException ? Future.failedFuture(t)
                        : Future.succeededFuture(new Failed(String.valueOf(t.getMessage()))))
                    .compose(outcome -> finish(conn, job, now, outcome))
                    .map(n + 1));
              }
              return ran;
            }))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** A handler failure, recorded on the job. */
  private record Failed(String error) {}

  private static Future<Void> finish(io.vertx.sqlclient.SqlConnection conn, ScheduledJob job, OffsetDateTime now,
      Object outcome) {
    if (outcome instanceof Done d) {
      return PgOutbox.enqueue(conn, d.pushes(), null).compose(n -> conn.preparedQuery("update scheduled_job set "
          + "state = 'done', done_at = $2, attempts = attempts + 1 where id = $1").execute(Tuple.of(job.id(), now)))
          .mapEmpty();
    }
    if (outcome instanceof Dropped d) {
      return conn.preparedQuery("update scheduled_job set state = 'dropped', done_at = $2, last_error = $3 where id = $1")
          .execute(Tuple.of(job.id(), now, d.why())).mapEmpty();
    }
    if (outcome instanceof Later l) {
      return conn.preparedQuery("update scheduled_job set due_at = $2, held = true where id = $1")
          .execute(Tuple.of(job.id(), l.dueAt())).mapEmpty();
    }
    Failed f = (Failed) outcome;
    return conn.preparedQuery("update scheduled_job set attempts = attempts + 1, last_error = $3, "
            + "due_at = $2 + interval '1 minute', state = case when attempts + 1 >= $4 then 'failed' else 'pending' end "
            + "where id = $1")
        .execute(Tuple.of(job.id(), now, f.error(), MAX_ATTEMPTS)).mapEmpty();
  }

  /**
   * Brings forward to {@code at} every pending job that was held back (moved {@link Later}) to a time
   * after {@code at}: held for quiet hours that the running service no longer has. How many.
   */
  public Future<Integer> bringHeldForward(OffsetDateTime at) {
    return pool.preparedQuery("update scheduled_job set due_at = $1 where state = 'pending' and held and due_at > $1")
        .execute(Tuple.of(at)).map(rs -> rs.rowCount())
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Jobs of a campaign with their state, for the admin API and tests. */
  public Future<List<io.vertx.core.json.JsonObject>> ofCampaign(long campaignId) {
    return pool.preparedQuery("select key, kind, group_id, due_at, state, attempts, last_error, done_at from scheduled_job "
            + "where campaign_id = $1 order by due_at, id")
        .execute(Tuple.of(campaignId))
        .map(rs -> PgCatalog.all(rs, r -> new io.vertx.core.json.JsonObject().put("key", r.getString("key"))
            .put("kind", r.getString("kind")).put("groupId", r.getLong("group_id"))
            .put("dueAt", r.getOffsetDateTime("due_at").toString()).put("state", r.getString("state"))
            .put("attempts", r.getInteger("attempts")).put("lastError", r.getString("last_error"))
            .put("doneAt", r.getOffsetDateTime("done_at") == null ? null : r.getOffsetDateTime("done_at").toString())))
        .recover(t -> PgErrors.translate(t, ""));
  }
}

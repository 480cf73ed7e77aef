package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import tuangou.store.Pickup;

/**
 * Cutoff, arrival and pickups (核销) of campaigns per group. Each step is idempotent: cutting off or
 * announcing arrival twice keeps the first time, and a resident's pickup code never changes.
 */
public final class PgPickups {
  private static final String SELECT = "select p.*, coalesce(r.display_name, '') as display_name from pickup p "
      + "join chat_group g on g.id = p.group_id left join resident r on r.channel = g.channel and r.user_id = p.customer ";
  /** The pool, or the connection of a transaction that these steps belong to. */
  private final SqlClient client;

  public PgPickups(Pool pool) {
    this.client = pool;
  }

  /** Steps inside the caller's transaction on {@code conn}: they commit or roll back with it. */
  PgPickups(SqlConnection conn) {
    this.client = conn;
  }

  /** Stops ordering in the whole campaign; the time it was first cut off. */
  public Future<OffsetDateTime> closeCampaign(long campaignId, OffsetDateTime now) {
    return client.preparedQuery("update campaign set closed_at = coalesce(closed_at, $2) where id = $1 returning closed_at")
        .execute(Tuple.of(campaignId, now))
        .map(rs -> rs.size() == 0 ? null : rs.iterator().next().getOffsetDateTime("closed_at"))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Stops ordering in one group of the campaign (the leader's 截单); empty when the group is not in it. */
  public Future<Optional<OffsetDateTime>> closeGroup(long campaignId, long groupId, OffsetDateTime now) {
    return client.preparedQuery("update campaign_group set closed_at = coalesce(closed_at, $3) "
            + "where campaign_id = $1 and group_id = $2 returning closed_at")
        .execute(Tuple.of(campaignId, groupId, now))
        .map(rs -> PgCatalog.first(rs).map(r -> r.getOffsetDateTime("closed_at")))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Records the goods' arrival in a group and gives every resident with an order a pickup code;
   * returns the time of the first arrival, or empty when the group is not in the campaign.
   */
  public Future<Optional<OffsetDateTime>> arrive(long campaignId, long groupId, OffsetDateTime now) {
    return atomically(conn -> conn
            .preparedQuery("update campaign_group set arrived_at = coalesce(arrived_at, $3) "
                + "where campaign_id = $1 and group_id = $2 returning arrived_at")
            .execute(Tuple.of(campaignId, groupId, now))
            .compose(rs -> {
              Optional<OffsetDateTime> at = PgCatalog.first(rs).map(r -> r.getOffsetDateTime("arrived_at"));
              if (at.isEmpty()) {
                return Future.succeededFuture(at);
              }
              return issueCodes(conn, campaignId, groupId).map(at);
            }))
        .recover(t -> PgErrors.translate(t, ""));
  }

  private <T> Future<T> atomically(java.util.function.Function<SqlConnection, Future<T>> work) {
    return client instanceof Pool p ? p.withTransaction(work) : work.apply((SqlConnection) client);
  }

  /**
   * Codes for the group's residents with active lines who have none yet. Drawn under a lock, among
   * codes not open anywhere (nor used in this campaign), so two arrivals at once cannot collide.
   */
  private static Future<Void> issueCodes(io.vertx.sqlclient.SqlConnection conn, long campaignId, long groupId) {
    return conn.preparedQuery("select pg_advisory_xact_lock(" + LockKeys.PICKUP_CODES + ", 0)").execute()
        .compose(locked -> conn.preparedQuery("select distinct customer, label from order_line l "
                + "where campaign_id = $1 and group_id = $2 and status = 'active' and not exists (select 1 from pickup p "
                + "where p.campaign_id = $1 and p.group_id = $2 and p.customer = l.customer and p.label = l.label)")
            .execute(Tuple.of(campaignId, groupId)))
        .compose(residents -> {
          if (residents.size() == 0) {
            return Future.succeededFuture();
          }
          return conn.preparedQuery("select code from pickup where picked_at is null or campaign_id = $1")
              .execute(Tuple.of(campaignId))
              .compose(taken -> {
                Set<String> codes = new HashSet<>();
                taken.forEach(r -> codes.add(r.getString("code")));
                PickupCodes draw = new PickupCodes(codes);
                List<Tuple> rows = new ArrayList<>();
                residents.forEach(r -> rows.add(Tuple.of(campaignId, groupId, r.getString("customer"), r.getString("label"),
                    draw.draw())));
                return conn.preparedQuery("insert into pickup (campaign_id, group_id, customer, label, code) "
                        + "values ($1, $2, $3, $4, $5) on conflict (campaign_id, group_id, customer, label) do nothing")
                    .executeBatch(rows).mapEmpty();
              });
        });
  }

  /** When the goods arrived in the group, if they have. */
  public Future<Optional<OffsetDateTime>> arrivedAt(long campaignId, long groupId) {
    return client.preparedQuery("select arrived_at from campaign_group where campaign_id = $1 and group_id = $2")
        .execute(Tuple.of(campaignId, groupId))
        .map(rs -> PgCatalog.first(rs).map(r -> r.getOffsetDateTime("arrived_at")))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The group's pickups, by label then customer. */
  public Future<List<Pickup>> ofGroup(long campaignId, long groupId) {
    return client.preparedQuery(SELECT + "where p.campaign_id = $1 and p.group_id = $2 order by p.label, p.customer")
        .execute(Tuple.of(campaignId, groupId))
        .map(rs -> PgCatalog.all(rs, PgPickups::pickup))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The pickups in the group whose code, label, chat name or id is {@code target}. */
  public Future<List<Pickup>> find(long campaignId, long groupId, String target) {
    return client.preparedQuery(SELECT + "where p.campaign_id = $1 and p.group_id = $2 and (p.code = $3 or p.label = $3 "
            + "or p.customer = $3 or r.display_name = $3 or (length($3) >= 2 and p.label like '%' || $3 || '%')) "
            + "order by p.label, p.customer")
        .execute(Tuple.of(campaignId, groupId, target))
        .map(rs -> PgCatalog.all(rs, PgPickups::pickup))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * The pickups with this code: the open one first (an open code is unique), then the newest campaign's
   * (a code is unique within a campaign).
   */
  public Future<List<Pickup>> byCode(String code) {
    return client.preparedQuery(SELECT + "where p.code = $1 order by p.picked_at is null desc, p.campaign_id desc limit 5")
        .execute(Tuple.of(code))
        .map(rs -> PgCatalog.all(rs, PgPickups::pickup))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Marks a pickup verified; false when it already was (the first verification stands). */
  public Future<Boolean> verify(Pickup p, String by, OffsetDateTime now) {
    return client.preparedQuery("update pickup set picked_at = $4, picked_by = $5 where campaign_id = $1 and group_id = $2 "
            + "and customer = $3 and label = $6 and picked_at is null")
        .execute(Tuple.of(p.campaignId(), p.groupId(), p.customer(), now, by, p.label()))
        .map(rs -> rs.rowCount() == 1)
        .recover(t -> PgErrors.translate(t, ""));
  }

  private static Pickup pickup(Row r) {
    return new Pickup(r.getLong("campaign_id"), r.getLong("group_id"), r.getString("customer"), r.getString("label"),
        r.getString("display_name"), r.getString("code"), r.getOffsetDateTime("picked_at"), r.getString("picked_by"));
  }
}

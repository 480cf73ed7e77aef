package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import tuangou.store.ReviewItem;

/** The leader's review queue: what is open, and settling an item with who did it. */
public final class PgReview {
  private static final String SELECT = "select u.*, coalesce(r.display_name, '') as display_name "
      + "from unresolved_mention u join chat_group g on g.id = u.group_id "
      + "left join resident r on r.channel = g.channel and r.user_id = u.customer ";
  private final SqlClient client;

  public PgReview(io.vertx.sqlclient.Pool pool) {
    this.client = pool;
  }

  PgReview(io.vertx.sqlclient.SqlConnection conn) {
    this.client = conn;
  }

  /** Open items of a campaign, or of one of its groups ({@code groupId} null for all), oldest first. */
  public Future<List<ReviewItem>> open(long campaignId, Long groupId) {
    return client.preparedQuery(SELECT + "where u.open and u.campaign_id = $1 and ($2::bigint is null or u.group_id = $2) "
            + "order by u.id")
        .execute(Tuple.of(campaignId, groupId))
        .map(rs -> PgCatalog.all(rs, PgReview::item))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Open items of a group that concern what it is ordering or collecting now: those of
   * {@code campaignIds}, and after-sales messages whatever campaign they came in.
   */
  public Future<List<ReviewItem>> openInGroup(long groupId, List<Long> campaignIds) {
    return client.preparedQuery(SELECT + "where u.open and u.group_id = $1 and (u.campaign_id = any($2) or u.kind = $3) "
            + "order by u.id")
        .execute(Tuple.of(groupId, campaignIds.toArray(Long[]::new), ReviewItem.AFTER_SALES))
        .map(rs -> PgCatalog.all(rs, PgReview::item))
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<Optional<ReviewItem>> find(long id) {
    return client.preparedQuery(SELECT + "where u.id = $1").execute(Tuple.of(id))
        .map(rs -> PgCatalog.first(rs).map(PgReview::item))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Settles an open item; false when it was settled before (the first settlement stands). */
  public Future<Boolean> settle(long id, String resolution, String by) {
    return client.preparedQuery("update unresolved_mention set open = false, closed_at = now(), resolution = $2, "
            + "resolved_by = $3 where id = $1 and open")
        .execute(Tuple.of(id, resolution, by))
        .map(rs -> rs.rowCount() == 1)
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Records an after-sales message for the leader's review. */
  Future<Void> afterSales(Long campaignId, long groupId, String customer, String sourceMsg, String text) {
    return client.preparedQuery("insert into unresolved_mention (campaign_id, group_id, origin, customer, source_msg, "
            + "text, kind, reason) values ($1, $2, $3, $4, $5, $6, $7, 'after-sales')")
        .execute(Tuple.from(new Object[] {campaignId, groupId, "msg:" + sourceMsg, customer, sourceMsg, text,
            ReviewItem.AFTER_SALES}))
        .mapEmpty();
  }

  static ReviewItem item(Row r) {
    return new ReviewItem(r.getLong("id"), r.getLong("campaign_id"), r.getLong("group_id"), r.getString("origin"),
        r.getString("customer"),
        r.getString("display_name"), r.getString("text"), r.getString("kind"),
        r.getJsonArray("choices").stream().map(String::valueOf).toList(), r.getOffsetDateTime("created_at"));
  }
}

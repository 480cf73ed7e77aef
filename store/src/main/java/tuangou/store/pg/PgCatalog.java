package tuangou.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.CampaignWindows;
import tuangou.store.ChatGroup;
import tuangou.store.GroupStatus;
import tuangou.store.Leader;
import tuangou.store.Product;

/** Leaders, groups, products and campaigns in PostgreSQL. */
public final class PgCatalog {
  private final Pool pool;

  public PgCatalog(Pool pool) {
    this.pool = pool;
  }

  public Future<Leader> createLeader(String name, String phone, int rateBp, String wecomUserId) {
    return pool.preparedQuery("insert into leader (name, phone, commission_rate_bp, wecom_user_id) values ($1, $2, $3, $4) "
            + "returning *")
        .execute(Tuple.of(name, phone, rateBp, wecomUserId))
        .map(rs -> leader(rs.iterator().next()))
        .recover(t -> PgErrors.translate(t, "another leader has WeCom user id " + wecomUserId));
  }

  public Future<Optional<Leader>> leader(long id) {
    return pool.preparedQuery("select * from leader where id = $1").execute(Tuple.of(id))
        .map(rs -> first(rs).map(PgCatalog::leader))
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<List<Leader>> leaders(int offset, int limit) {
    return pool.preparedQuery("select * from leader order by id offset $1 limit $2")
        .execute(Tuple.of(offset, limit))
        .map(rs -> all(rs, PgCatalog::leader))
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<Optional<Leader>> updateLeader(long id, String name, String phone, Integer rateBp, String wecomUserId) {
    return pool.preparedQuery("update leader set name = coalesce($2, name), phone = coalesce($3, phone), "
            + "commission_rate_bp = coalesce($4, commission_rate_bp), wecom_user_id = coalesce($5, wecom_user_id), "
            + "updated_at = now() where id = $1 returning *")
        .execute(Tuple.of(id, name, phone, rateBp, wecomUserId))
        .map(rs -> first(rs).map(PgCatalog::leader))
        .recover(t -> PgErrors.translate(t, "another leader has WeCom user id " + wecomUserId));
  }

  public Future<ChatGroup> createGroup(String channel, String chatId, String name, long leaderId, String leaderUser,
      String pickupPoint, String robotWebhookKey, boolean codesInGroup) {
    return pool.preparedQuery("insert into chat_group (channel, chat_id, name, leader_id, leader_user, pickup_point, "
            + "robot_webhook_key, codes_in_group) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *")
        .execute(Tuple.from(new Object[] {channel, chatId, name, leaderId, leaderUser, pickupPoint, robotWebhookKey,
            codesInGroup}))
        .map(rs -> group(rs.iterator().next()))
        .recover(t -> PgErrors.translate(t, "a " + channel + " group with chat id " + chatId
            + " already exists, or leader " + leaderId + " does not"));
  }

  public Future<Optional<ChatGroup>> group(long id) {
    return pool.preparedQuery("select * from chat_group where id = $1").execute(Tuple.of(id))
        .map(rs -> first(rs).map(PgCatalog::group))
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<Optional<ChatGroup>> groupByChat(String channel, String chatId) {
    return pool.preparedQuery("select * from chat_group where channel = $1 and chat_id = $2")
        .execute(Tuple.of(channel, chatId))
        .map(rs -> first(rs).map(PgCatalog::group))
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<List<ChatGroup>> groups(int offset, int limit) {
    return pool.preparedQuery("select * from chat_group order by id offset $1 limit $2")
        .execute(Tuple.of(offset, limit))
        .map(rs -> all(rs, PgCatalog::group))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** The channel status of the given groups, by group id. */
  public Future<java.util.Map<Long, GroupStatus>> groupStatus(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(java.util.Map.of());
    }
    return pool.preparedQuery("select g.id, "
            + "(select max(i.received_at) from inbox i where i.group_id = g.id) as last_message_at, "
            + "(select count(*) from outbox o where o.channel = g.channel and o.chat_id = g.chat_id and o.state = 'pending') as pending, "
            + "(select count(*) from outbox o where o.channel = g.channel and o.chat_id = g.chat_id and o.state = 'failed') as failed, "
            + "(select o.last_error from outbox o where o.channel = g.channel and o.chat_id = g.chat_id "
            + "and o.last_error is not null order by o.id desc limit 1) as last_error "
            + "from chat_group g where g.id = any($1)")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .map(rs -> {
          java.util.Map<Long, GroupStatus> out = new java.util.HashMap<>();
          rs.forEach(r -> out.put(r.getLong("id"), new GroupStatus(r.getLong("id"), r.getOffsetDateTime("last_message_at"),
              r.getLong("pending"), r.getLong("failed"), r.getString("last_error"))));
          return out;
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Changes what is given (null leaves a field; "" removes the robot key). */
  public Future<Optional<ChatGroup>> updateGroup(long id, String name, Long leaderId, String leaderUser,
      String pickupPoint, String robotWebhookKey, Boolean codesInGroup) {
    return pool.preparedQuery("update chat_group set name = coalesce($2, name), leader_id = coalesce($3, leader_id), "
            + "leader_user = coalesce($4, leader_user), pickup_point = coalesce($5, pickup_point), "
            + "robot_webhook_key = case when $6::text = '' then null else coalesce($6, robot_webhook_key) end, "
            + "codes_in_group = coalesce($7, codes_in_group), updated_at = now() where id = $1 returning *")
        .execute(Tuple.from(new Object[] {id, name, leaderId, leaderUser, pickupPoint, robotWebhookKey, codesInGroup}))
        .map(rs -> first(rs).map(PgCatalog::group))
        .recover(t -> PgErrors.translate(t, "leader " + leaderId + " does not exist"));
  }

  public Future<List<Product>> products(int offset, int limit) {
    return pool.preparedQuery("select * from product order by id offset $1 limit $2").execute(Tuple.of(offset, limit))
        .map(rs -> all(rs, PgCatalog::product))
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<Optional<Product>> product(String id) {
    return pool.preparedQuery("select * from product where id = $1").execute(Tuple.of(id))
        .map(rs -> first(rs).map(PgCatalog::product))
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** Changes the given fields of a product; null leaves a field as it is. */
  public Future<Optional<Product>> updateProduct(String id, String name, List<String> aliases, String unit, String spec,
      Long priceFen) {
    return pool.preparedQuery("update product set name = coalesce($2, name), aliases = coalesce($3, aliases), "
            + "unit = coalesce($4, unit), spec = coalesce($5, spec), price_fen = coalesce($6, price_fen), "
            + "updated_at = now() where id = $1 returning *")
        .execute(Tuple.of(id, name, aliases == null ? null : aliases.toArray(String[]::new), unit, spec, priceFen))
        .map(rs -> first(rs).map(PgCatalog::product))
        .recover(t -> PgErrors.translate(t, ""));
  }

  static Product product(Row r) {
    return new Product(r.getString("id"), r.getString("name"), Arrays.asList(r.getArrayOfStrings("aliases")),
        r.getString("unit"), r.getString("spec"), r.getLong("price_fen"));
  }

  /**
   * Creates a campaign with its items (products are created, or updated and matched by id) and
   * groups, in one transaction.
   */
  public Future<Campaign> createCampaign(String name, OffsetDateTime opensAt, OffsetDateTime cutoffAt,
      OffsetDateTime pickupAt, List<CampaignItem> items, List<Long> groups, boolean announce) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("insert into campaign (name, opens_at, cutoff_at, pickup_at, announce) "
                + "values ($1, coalesce($2, now()), $3, $4, $5) returning id")
            .execute(Tuple.of(name, opensAt, cutoffAt, pickupAt, announce))
            .map(rs -> rs.iterator().next().getLong("id"))
            .compose(id -> insertItems(conn, id, items).compose(v -> insertGroups(conn, id, groups)).map(id)))
        .recover(t -> PgErrors.translate(t, "a group of the campaign does not exist, or two items share a product"))
        .compose(id -> campaign(id).map(Optional::orElseThrow));
  }

  private static Future<Void> insertItems(SqlConnection conn, long campaignId, List<CampaignItem> items) {
    List<Tuple> products = new ArrayList<>();
    List<Tuple> rows = new ArrayList<>();
    for (CampaignItem i : items) {
      products.add(Tuple.of(i.productId(), i.name(), i.aliases().toArray(String[]::new), i.unit(), i.spec(), i.priceFen()));
      rows.add(Tuple.of(campaignId, i.no(), i.productId(), i.priceFen(), i.costFen()));
    }
    if (items.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("insert into product (id, name, aliases, unit, spec, price_fen) values ($1, $2, $3, $4, $5, $6) "
            + "on conflict (id) do update set name = excluded.name, aliases = excluded.aliases, unit = excluded.unit, "
            + "spec = excluded.spec, price_fen = excluded.price_fen, updated_at = now()")
        .executeBatch(products)
        .compose(v -> conn.preparedQuery("insert into campaign_item (campaign_id, no, product_id, price_fen, cost_fen) "
                + "values ($1, $2, $3, $4, $5)")
            .executeBatch(rows))
        .mapEmpty();
  }

  private static Future<Void> insertGroups(SqlConnection conn, long campaignId, List<Long> groups) {
    if (groups.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = groups.stream().distinct().map(g -> Tuple.of(campaignId, g)).toList();
    return conn.preparedQuery("insert into campaign_group (campaign_id, group_id) values ($1, $2)")
        .executeBatch(rows).mapEmpty();
  }

  /**
   * Changes a campaign's name or times (null leaves them) and adds groups to it, in one transaction.
   */
  public Future<Optional<Campaign>> updateCampaign(long id, String name, OffsetDateTime cutoffAt, OffsetDateTime pickupAt,
      List<Long> addGroups) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("update campaign set name = coalesce($2, name), cutoff_at = coalesce($3, cutoff_at), "
                + "pickup_at = coalesce($4, pickup_at) where id = $1 returning id")
            .execute(Tuple.of(id, name, cutoffAt, pickupAt))
            .compose(rs -> rs.rowCount() == 0 ? Future.succeededFuture(false)
                : (addGroups.isEmpty() ? Future.<Void>succeededFuture()
                    : conn.preparedQuery("insert into campaign_group (campaign_id, group_id) values ($1, $2) "
                        + "on conflict do nothing").executeBatch(addGroups.stream().map(g -> Tuple.of(id, g)).toList())
                        .<Void>mapEmpty()).map(true)))
        .recover(t -> PgErrors.translate(t, "a group to add does not exist, or the cutoff is not after the opening"))
        .compose(found -> found ? campaign(id) : Future.succeededFuture(Optional.empty()));
  }

  public Future<Optional<Campaign>> campaign(long id) {
    return pool.preparedQuery("select * from campaign where id = $1").execute(Tuple.of(id))
        .compose(rs -> {
          Optional<Row> row = first(rs);
          if (row.isEmpty()) {
            return Future.succeededFuture(Optional.<Campaign>empty());
          }
          return campaignParts(id).map(parts -> Optional.of(campaign(row.get(), parts)));
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  public Future<List<Campaign>> campaigns(int offset, int limit) {
    return pool.preparedQuery("select id from campaign order by id desc offset $1 limit $2")
        .execute(Tuple.of(offset, limit))
        .compose(rs -> {
          List<Future<Optional<Campaign>>> all = new ArrayList<>();
          rs.forEach(r -> all.add(campaign(r.getLong("id"))));
          return Future.all(all).map(cf -> all.stream().map(f -> f.result().orElseThrow()).toList());
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /**
   * Campaigns of a group as the group sees them, open or closed in the last three days (residents
   * still ask for their orders and pick up then): {@code closedAt} is when ordering stopped in this
   * group, by the whole campaign's cutoff or by the group's own (the leader's 截单).
   */
  public Future<List<Campaign>> campaignsOf(long groupId) {
    return campaignsOf(groupId, this::campaignParts);
  }

  /** What a campaign is for every group alike: its items and its groups. */
  public record CampaignParts(List<CampaignItem> items, List<Long> groups) {}

  /**
   * {@link #campaignsOf(long)}, with each campaign's items and groups from {@code parts}: a caller
   * that looks many groups up keeps them, rather than reading every group of a campaign for each.
   */
  public Future<List<Campaign>> campaignsOf(long groupId, java.util.function.Function<Long, Future<CampaignParts>> parts) {
    return pool.preparedQuery("select c.id, c.name, c.opens_at, c.cutoff_at, c.pickup_at, c.announce, "
            + "least(c.closed_at, g.closed_at) as closed_at from campaign c join campaign_group g on g.campaign_id = c.id "
            + "where g.group_id = $1 and coalesce(least(c.closed_at, g.closed_at, c.cutoff_at), 'infinity') "
            + "> now() - " + CampaignWindows.PICKUP_SQL + " order by c.opens_at, c.id")
        .execute(Tuple.of(groupId))
        .compose(rs -> {
          List<Future<Campaign>> all = new ArrayList<>();
          rs.forEach(r -> all.add(parts.apply(r.getLong("id")).map(p -> campaign(r, p))));
          return Future.all(all).map(v -> all.stream().map(Future::result).toList());
        })
        .recover(t -> PgErrors.translate(t, ""));
  }

  /** A campaign's items and groups, read now. */
  public Future<CampaignParts> campaignParts(long id) {
    Future<RowSet<Row>> items = pool.preparedQuery("select i.no, i.product_id, i.price_fen, i.cost_fen, p.name, p.aliases, "
        + "p.unit, p.spec from campaign_item i join product p on p.id = i.product_id where i.campaign_id = $1 order by i.no")
        .execute(Tuple.of(id));
    Future<RowSet<Row>> groups = pool.preparedQuery("select group_id from campaign_group where campaign_id = $1 order by group_id")
        .execute(Tuple.of(id));
    return Future.all(items, groups).map(v -> {
      List<CampaignItem> list = new ArrayList<>();
      for (Row r : items.result()) {
        list.add(new CampaignItem(r.getInteger("no"), r.getString("product_id"), r.getString("name"),
            Arrays.asList(r.getArrayOfStrings("aliases")), r.getString("unit"), r.getString("spec"), r.getLong("price_fen"),
            r.getLong("cost_fen")));
      }
      List<Long> gs = new ArrayList<>();
      groups.result().forEach(r -> gs.add(r.getLong("group_id")));
      return new CampaignParts(List.copyOf(list), List.copyOf(gs));
    });
  }

  private static Campaign campaign(Row c, CampaignParts parts) {
    return new Campaign(c.getLong("id"), c.getString("name"), c.getOffsetDateTime("opens_at"), c.getOffsetDateTime("cutoff_at"),
        c.getOffsetDateTime("pickup_at"), c.getOffsetDateTime("closed_at"), parts.items(), parts.groups(),
        c.getBoolean("announce"));
  }

  static Leader leader(Row r) {
    return new Leader(r.getLong("id"), r.getString("name"), r.getString("phone"), r.getInteger("commission_rate_bp"),
        r.getString("wecom_user_id"));
  }

  static ChatGroup group(Row r) {
    return new ChatGroup(r.getLong("id"), r.getString("channel"), r.getString("chat_id"), r.getString("name"),
        r.getLong("leader_id"), r.getString("leader_user"), r.getString("pickup_point"),
        r.getString("robot_webhook_key"), r.getInteger("member_count"), r.getOffsetDateTime("dismissed_at"),
        Boolean.TRUE.equals(r.getBoolean("codes_in_group")));
  }

  /** Rows changed by a batch: each statement of the batch has a result of its own. */
  static int rowCount(RowSet<Row> rs) {
    int n = 0;
    for (RowSet<Row> r = rs; r != null; r = r.next()) {
      n += r.rowCount();
    }
    return n;
  }

  static Optional<Row> first(RowSet<Row> rs) {
    var it = rs.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  static <T> List<T> all(RowSet<Row> rs, java.util.function.Function<Row, T> map) {
    List<T> out = new ArrayList<>();
    rs.forEach(r -> out.add(map.apply(r)));
    return out;
  }
}

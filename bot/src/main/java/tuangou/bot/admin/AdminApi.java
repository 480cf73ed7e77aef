package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tuangou.bot.campaigns.CampaignInterpreters;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.replay.OrdersJson;
import tuangou.bot.replay.CatalogReader;
import tuangou.bot.replay.ReplayException;
import tuangou.bot.campaigns.StoredLines;
import tuangou.bot.input.Limits;
import tuangou.ordering.OrderLine;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.Leader;
import tuangou.store.Product;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgOrders;

/** The admin HTTP API under {@code /api/v1}: what the platform uses to run leaders, groups and campaigns. */
public final class AdminApi {
  static final Set<String> CHANNELS = Set.of("wecom", "bridge", "sim");

  private final PgCatalog catalog;
  private final PgOrders orders;
  private final CampaignInterpreters interpreters;
  private final GroupDirectory directory;
  private final BearerToken token;
  private final java.util.function.Function<Campaign, Future<Void>> planned;
  private final java.time.Clock clock;

  /** @param planned plans a created or changed campaign's scheduled jobs */
  public AdminApi(PgCatalog catalog, PgOrders orders, CampaignInterpreters interpreters, GroupDirectory directory,
      String token, java.util.function.Function<Campaign, Future<Void>> planned, java.time.Clock clock) {
    this.planned = planned;
    this.clock = clock;
    this.catalog = catalog;
    this.orders = orders;
    this.interpreters = interpreters;
    this.directory = directory;
    this.token = new BearerToken(token);
  }

  public void mount(Router router) {
    router.get("/api/v1/openapi.yaml").handler(OpenApi::serve);
    router.route("/api/v1/*").handler(token.required());
    router.post("/api/v1/leaders").handler(json(this::createLeader, 201));
    router.get("/api/v1/leaders").handler(json(this::listLeaders, 200));
    router.get("/api/v1/leaders/:id").handler(json(this::getLeader, 200));
    router.patch("/api/v1/leaders/:id").handler(json(this::updateLeader, 200));
    router.post("/api/v1/groups").handler(json(this::createGroup, 201));
    router.get("/api/v1/groups").handler(json(this::listGroups, 200));
    router.get("/api/v1/groups/:id").handler(json(this::getGroup, 200));
    router.patch("/api/v1/groups/:id").handler(json(this::updateGroup, 200));
    router.get("/api/v1/products").handler(json(this::listProducts, 200));
    router.get("/api/v1/products/:id").handler(json(this::getProduct, 200));
    router.patch("/api/v1/products/:id").handler(json(this::updateProduct, 200));
    router.post("/api/v1/campaigns").handler(json(this::createCampaign, 201));
    router.get("/api/v1/campaigns").handler(json(this::listCampaigns, 200));
    router.get("/api/v1/campaigns/:id").handler(json(this::getCampaign, 200));
    router.patch("/api/v1/campaigns/:id").handler(json(this::updateCampaign, 200));
    router.get("/api/v1/campaigns/:id/orders").handler(json(this::campaignOrders, 200));
  }

  private io.vertx.core.Handler<RoutingContext> json(Function<RoutingContext, Future<?>> handler, int status) {
    return JsonHandlers.of(handler, status, () -> directory.invalidate());
  }

  private Future<JsonObject> createLeader(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    String name = Bodies.requiredString(body, "name", Limits.NAME_CHARS);
    String phone = Bodies.optionalString(body, "phone", Limits.PHONE_CHARS);
    Integer rate = commissionRate(body);
    return catalog.createLeader(name, phone, rate == null ? 1000 : rate, Bodies.optionalId(body, "wecomUserId"))
        .map(AdminApi::leader);
  }

  private Future<JsonObject> listLeaders(RoutingContext ctx) {
    Bodies.Paging p = Bodies.paging(ctx, 500);
    return catalog.leaders(p.offset(), p.limit()).map(list -> page(list.stream().map(AdminApi::leader).toList(), p));
  }

  private Future<JsonObject> getLeader(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return catalog.leader(id).map(l -> leader(l.orElseThrow(() -> ApiException.notFound("leader " + id))));
  }

  private Future<JsonObject> updateLeader(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    JsonObject body = Bodies.json(ctx);
    Integer rate = commissionRate(body);
    String name = Bodies.optionalString(body, "name", Limits.NAME_CHARS);
    if (name != null && name.isEmpty()) {
      throw ApiException.badRequest("\"name\" must not be empty");
    }
    return catalog.updateLeader(id, name, Bodies.optionalString(body, "phone", Limits.PHONE_CHARS), rate,
            Bodies.optionalId(body, "wecomUserId"))
        .map(l -> leader(l.orElseThrow(() -> ApiException.notFound("leader " + id))));
  }

  /** The commission rate in a body, if given, checked to be basis points (1000 = 10%). */
  private static Integer commissionRate(JsonObject body) {
    Long rate = Bodies.optionalLong(body, "commissionRateBp", Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (rate != null && (rate < 0 || rate > 10_000)) {
      throw ApiException.badRequest("\"commissionRateBp\" must be between 0 and 10000 (basis points: 1000 = 10%)");
    }
    return rate == null ? null : rate.intValue();
  }

  private Future<JsonObject> createGroup(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    Object channelValue = body.getValue("channel");
    if (!(channelValue instanceof String channel) || !CHANNELS.contains(channel.strip())) {
      throw ApiException.badRequest("\"channel\" must be one of wecom, bridge, sim");
    }
    String chatId = Bodies.requiredId(body, "chatId");
    String name = Bodies.requiredString(body, "name", Limits.NAME_CHARS);
    long leaderId = Bodies.requiredLong(body, "leaderId", 1, Long.MAX_VALUE);
    String leaderUser = Bodies.optionalId(body, "leaderUser");
    String pickupPoint = Bodies.optionalString(body, "pickupPoint", Limits.PLACE_CHARS);
    String robot = robotKey(body, channel.strip());
    Boolean codes = codesInGroup(body);
    return catalog.leader(leaderId).compose(l -> {
      if (l.isEmpty()) {
        throw ApiException.badRequest("leader " + leaderId + " does not exist");
      }
      return catalog.createGroup(channel.strip(), chatId, name, leaderId, leaderUser, pickupPoint, robot,
          Boolean.TRUE.equals(codes));
    }).map(AdminApi::group);
  }

  private Future<JsonObject> listGroups(RoutingContext ctx) {
    Bodies.Paging p = Bodies.paging(ctx, 500);
    return catalog.groups(p.offset(), p.limit()).compose(list -> withStatus(list))
        .map(list -> page(list, p));
  }

  private Future<JsonObject> getGroup(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return catalog.group(id).compose(g -> withStatus(List.of(g.orElseThrow(() -> ApiException.notFound("group " + id)))))
        .map(list -> list.get(0));
  }

  /** Groups with their channel status: last message, waiting and failed sends, last send error. */
  private Future<List<JsonObject>> withStatus(List<ChatGroup> groups) {
    return catalog.groupStatus(groups.stream().map(ChatGroup::id).toList()).map(status -> groups.stream().map(g -> {
      JsonObject json = group(g);
      tuangou.store.GroupStatus st = status.get(g.id());
      if (st != null) {
        json.put("lastMessageAt", st.lastMessageAt() == null ? null : st.lastMessageAt().toString())
            .put("pendingSends", st.pendingSends()).put("failedSends", st.failedSends())
            .put("lastSendError", st.lastSendError());
      }
      return json;
    }).toList());
  }

  private Future<JsonObject> updateGroup(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    JsonObject body = Bodies.json(ctx);
    String name = Bodies.optionalString(body, "name", Limits.NAME_CHARS);
    if (name != null && name.isEmpty()) {
      throw ApiException.badRequest("\"name\" must not be empty");
    }
    return catalog.updateGroup(id, name, Bodies.optionalLong(body, "leaderId", 1, Long.MAX_VALUE),
            Bodies.optionalId(body, "leaderUser"), Bodies.optionalString(body, "pickupPoint", Limits.PLACE_CHARS),
            robotKey(body, null), codesInGroup(body))
        .map(g -> group(g.orElseThrow(() -> ApiException.notFound("group " + id))));
  }

  /**
   * Whether the group's arrival notice lists pickup codes: for a group whose residents cannot get
   * private messages (a WeCom customer group); null when the body does not say.
   */
  private static Boolean codesInGroup(JsonObject body) {
    Object v = body.getValue("codesInGroup");
    if (v != null && !(v instanceof Boolean)) {
      throw ApiException.badRequest("\"codesInGroup\" must be true or false");
    }
    return (Boolean) v;
  }

  /** A WeCom group robot's webhook key, if given: only internal WeCom groups have robots ("" removes it). */
  private static String robotKey(JsonObject body, String channel) {
    String key = Bodies.optionalString(body, "robotWebhookKey", Limits.ID_CHARS);
    if (key != null && channel != null && !channel.equals("wecom")) {
      throw ApiException.badRequest("\"robotWebhookKey\" is for WeCom internal groups only");
    }
    if (key != null && !key.isEmpty() && !key.matches("[A-Za-z0-9-]{8,64}")) {
      throw ApiException.badRequest("\"robotWebhookKey\" must be the key= part of the robot's webhook URL");
    }
    return key;
  }

  private Future<JsonObject> listProducts(RoutingContext ctx) {
    Bodies.Paging p = Bodies.paging(ctx, 500);
    return catalog.products(p.offset(), p.limit()).map(list -> page(list.stream().map(AdminApi::product).toList(), p));
  }

  private Future<JsonObject> getProduct(RoutingContext ctx) {
    String id = Bodies.pathString(ctx, "id");
    return catalog.product(id).map(p -> product(p.orElseThrow(() -> ApiException.notFound("product " + id))));
  }

  private Future<JsonObject> updateProduct(RoutingContext ctx) {
    String id = Bodies.pathString(ctx, "id");
    JsonObject body = Bodies.json(ctx);
    if (body.containsKey("priceFen") && body.getValue("priceFen") == null) {
      throw ApiException.badRequest("\"priceFen\" must be a whole number of fen, not null");
    }
    Long price = Bodies.optionalLong(body, "priceFen", 0, Limits.MAX_FEN);
    String name = Bodies.optionalString(body, "name", Limits.NAME_CHARS);
    if (name != null && name.isEmpty()) {
      throw ApiException.badRequest("\"name\" must not be empty");
    }
    List<String> aliases = body.containsKey("aliases") ? CampaignItems.aliases(body, "aliases") : null;
    return catalog.updateProduct(id, name, aliases, Bodies.optionalString(body, "unit", Limits.NAME_CHARS),
            Bodies.optionalString(body, "spec", Limits.NAME_CHARS), price)
        .map(p -> {
          interpreters.invalidateAll(); // names and aliases are what mentions are matched against
          return product(p.orElseThrow(() -> ApiException.notFound("product " + id)));
        });
  }

  private Future<JsonObject> createCampaign(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    List<CampaignItem> campaignItems = CampaignItems.of(body);
    List<Long> groups = Bodies.groupIds(body, "groups");
    String given = Bodies.optionalString(body, "campaign", Limits.NAME_CHARS);
    // the name heads the deal list in the group, so a campaign posted without one reads as Chinese there too
    String name = given == null || given.isEmpty() ? "本期团购" : given;
    var opens = Bodies.optionalTime(body, "opensAt");
    var cutoff = Bodies.optionalTime(body, "cutoffAt");
    var pickup = Bodies.optionalTime(body, "pickupAt");
    if (opens != null && cutoff != null && !cutoff.isAfter(opens)) {
      throw ApiException.badRequest("\"cutoffAt\" must be after \"opensAt\"");
    }
    if (opens == null && cutoff != null && !cutoff.isAfter(java.time.OffsetDateTime.now(clock))) {
      // without opensAt the campaign opens now: a cutoff in the past would close it before it opened
      throw ApiException.badRequest("\"cutoffAt\" is in the past; a campaign without \"opensAt\" opens now, "
          + "so its cutoff must be later");
    }
    Object announce = body.getValue("announce", true);
    if (!(announce instanceof Boolean)) {
      throw ApiException.badRequest("\"announce\" must be true or false");
    }
    return catalog.createCampaign(name, opens, cutoff, pickup, campaignItems, groups, (Boolean) announce)
        .compose(c -> planned.apply(c).map(c))
        .map(c -> {
          interpreters.invalidate(c.id());
          return campaign(c);
        });
  }

  private Future<JsonObject> listCampaigns(RoutingContext ctx) {
    Bodies.Paging p = Bodies.paging(ctx, 200);
    return catalog.campaigns(p.offset(), p.limit()).map(list -> page(list.stream().map(AdminApi::campaign).toList(), p));
  }

  private Future<JsonObject> getCampaign(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return catalog.campaign(id).map(c -> campaign(c.orElseThrow(() -> ApiException.notFound("campaign " + id))));
  }

  private Future<JsonObject> updateCampaign(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    JsonObject body = Bodies.json(ctx);
    if (body.containsKey("items")) {
      throw ApiException.badRequest("items cannot change once a campaign is open; open a new campaign");
    }
    String name = Bodies.optionalString(body, "campaign", Limits.NAME_CHARS);
    if (name != null && name.isEmpty()) {
      throw ApiException.badRequest("\"campaign\" must not be empty");
    }
    List<Long> groups = Bodies.groupIds(body, "groups");
    var cutoff = Bodies.optionalTime(body, "cutoffAt");
    var pickup = Bodies.optionalTime(body, "pickupAt");
    return existing(id).compose(c -> {
      if (cutoff != null && !cutoff.isAfter(c.opensAt())) {
        throw ApiException.badRequest("\"cutoffAt\" must be after the campaign opened (" + c.opensAt() + ")");
      }
      return catalog.updateCampaign(id, name, cutoff, pickup, groups);
    }).compose(c -> c.isEmpty() ? Future.succeededFuture(c) : planned.apply(c.get()).map(c))
        .map(c -> campaign(c.orElseThrow(() -> ApiException.notFound("campaign " + id))));
  }

  private Future<JsonObject> campaignOrders(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    Long group = Bodies.queryId(ctx, "group");
    return existing(id).compose(c -> orders.activeLines(id, group))
        .map(lines -> new JsonObject().put("orders", OrdersJson.orders(toLines(lines), Long::valueOf)));
  }

  private Future<Campaign> existing(long id) {
    return catalog.campaign(id).map(c -> c.orElseThrow(() -> ApiException.notFound("campaign " + id)));
  }

  private static List<OrderLine> toLines(List<PgOrders.GroupLine> lines) {
    return lines.stream().map(g -> StoredLines.line(g.groupId(), g.line())).toList();
  }

  private static JsonObject page(List<JsonObject> items, Bodies.Paging p) {
    return new JsonObject().put("items", new JsonArray(items)).put("offset", p.offset()).put("limit", p.limit());
  }

  static JsonObject leader(Leader l) {
    return new JsonObject().put("id", l.id()).put("name", l.name()).put("phone", l.phone())
        .put("commissionRateBp", l.commissionRateBp()).put("wecomUserId", l.wecomUserId());
  }

  static JsonObject group(ChatGroup g) {
    return new JsonObject().put("id", g.id()).put("channel", g.channel()).put("chatId", g.chatId()).put("name", g.name())
        .put("leaderId", g.leaderId()).put("leaderUser", g.leaderUser()).put("pickupPoint", g.pickupPoint())
        // the robot key is a send credential: shown only as present or not
        .put("robot", g.robotWebhookKey() != null).put("codesInGroup", g.codesInGroup()).put("memberCount", g.memberCount())
        .put("dismissedAt", g.dismissedAt() == null ? null : g.dismissedAt().toString());
  }

  static JsonObject product(Product p) {
    return new JsonObject().put("id", p.id()).put("name", p.name()).put("aliases", new JsonArray(p.aliases()))
        .put("unit", p.unit()).put("spec", p.spec()).put("priceFen", p.priceFen());
  }

  static JsonObject campaign(Campaign c) {
    JsonArray items = new JsonArray();
    c.items().forEach(i -> items.add(new JsonObject().put("no", i.no()).put("id", i.productId()).put("name", i.name())
        .put("aliases", new JsonArray(i.aliases())).put("unit", i.unit()).put("spec", i.spec())
        .put("priceFen", i.priceFen()).put("costFen", i.costFen())));
    return new JsonObject().put("id", c.id()).put("campaign", c.name())
        .put("opensAt", c.opensAt() == null ? null : c.opensAt().toString())
        .put("cutoffAt", c.cutoffAt() == null ? null : c.cutoffAt().toString())
        .put("pickupAt", c.pickupAt() == null ? null : c.pickupAt().toString())
        .put("items", items).put("groups", new JsonArray(c.groups())).put("announce", c.announce());
  }
}

package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import tuangou.ordering.OrderLine;
import tuangou.parser.CatalogItem;
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
  private final byte[] token;
  private final java.util.function.Function<Campaign, Future<Void>> planned;

  /** @param planned plans a created or changed campaign's scheduled jobs */
  public AdminApi(PgCatalog catalog, PgOrders orders, CampaignInterpreters interpreters, GroupDirectory directory,
      String token, java.util.function.Function<Campaign, Future<Void>> planned) {
    this.planned = planned;
    this.catalog = catalog;
    this.orders = orders;
    this.interpreters = interpreters;
    this.directory = directory;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  public void mount(Router router) {
    router.get("/api/v1/openapi.yaml").handler(OpenApi::serve);
    router.route("/api/v1/*").handler(this::authorize);
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

  private void authorize(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      HttpErrors.respond(ctx, 401, "unauthorized", "send Authorization: Bearer <admin token>");
      return;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token)) {
      HttpErrors.respond(ctx, 403, "forbidden", "the admin token is wrong");
      return;
    }
    ctx.next();
  }

  private io.vertx.core.Handler<RoutingContext> json(Function<RoutingContext, Future<?>> handler, int status) {
    return JsonHandlers.of(handler, status, () -> directory.invalidate());
  }

  private Future<JsonObject> createLeader(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    String name = Bodies.requiredString(body, "name");
    String phone = Bodies.optionalString(body, "phone");
    Integer rate = commissionRate(body);
    return catalog.createLeader(name, phone, rate == null ? 1000 : rate, Bodies.optionalString(body, "wecomUserId"))
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
    String name = Bodies.optionalString(body, "name");
    if (name != null && name.isEmpty()) {
      throw ApiException.badRequest("\"name\" must not be empty");
    }
    return catalog.updateLeader(id, name, Bodies.optionalString(body, "phone"), rate,
            Bodies.optionalString(body, "wecomUserId"))
        .map(l -> leader(l.orElseThrow(() -> ApiException.notFound("leader " + id))));
  }

  /** The commission rate in a body, if given, checked to be basis points (1000 = 10%). */
  private static Integer commissionRate(JsonObject body) {
    Long rate = Bodies.optionalLong(body, "commissionRateBp");
    if (rate != null && (rate < 0 || rate > 10_000)) {
      throw ApiException.badRequest("\"commissionRateBp\" must be between 0 and 10000 (basis points: 1000 = 10%)");
    }
    return rate == null ? null : rate.intValue();
  }

  private Future<JsonObject> createGroup(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    String channel = Bodies.requiredString(body, "channel");
    if (!CHANNELS.contains(channel)) {
      throw ApiException.badRequest("\"channel\" must be one of wecom, bridge, sim");
    }
    String chatId = Bodies.requiredString(body, "chatId");
    String name = Bodies.requiredString(body, "name");
    long leaderId = Bodies.requiredLong(body, "leaderId");
    return catalog.leader(leaderId).compose(l -> {
      if (l.isEmpty()) {
        throw ApiException.badRequest("leader " + leaderId + " does not exist");
      }
      return catalog.createGroup(channel, chatId, name, leaderId, Bodies.optionalString(body, "leaderUser"),
          Bodies.optionalString(body, "pickupPoint"), robotKey(body, channel));
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
    return catalog.updateGroup(id, Bodies.optionalString(body, "name"), Bodies.optionalLong(body, "leaderId"),
            Bodies.optionalString(body, "leaderUser"), Bodies.optionalString(body, "pickupPoint"), robotKey(body, null))
        .map(g -> group(g.orElseThrow(() -> ApiException.notFound("group " + id))));
  }

  /** A WeCom group robot's webhook key, if given: only internal WeCom groups have robots ("" removes it). */
  private static String robotKey(JsonObject body, String channel) {
    String key = Bodies.optionalString(body, "robotWebhookKey");
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
    String id = ctx.pathParam("id");
    return catalog.product(id).map(p -> product(p.orElseThrow(() -> ApiException.notFound("product " + id))));
  }

  private Future<JsonObject> updateProduct(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject body = Bodies.json(ctx);
    Long price = Bodies.optionalLong(body, "priceFen");
    if (price != null && price < 0) {
      throw ApiException.badRequest("\"priceFen\" must not be negative");
    }
    String name = Bodies.optionalString(body, "name");
    if (name != null && name.isEmpty()) {
      throw ApiException.badRequest("\"name\" must not be empty");
    }
    List<String> aliases = null;
    if (body.containsKey("aliases")) {
      aliases = new ArrayList<>();
      for (Object a : Bodies.optionalArray(body, "aliases")) {
        if (!(a instanceof String alias) || alias.isBlank()) {
          throw ApiException.badRequest("\"aliases\" must be an array of non-empty strings");
        }
        aliases.add(alias.trim());
      }
    }
    return catalog.updateProduct(id, name, aliases, Bodies.optionalString(body, "unit"), Bodies.optionalString(body, "spec"),
            price)
        .map(p -> {
          interpreters.invalidateAll(); // names and aliases are what mentions are matched against
          return product(p.orElseThrow(() -> ApiException.notFound("product " + id)));
        });
  }

  /** A campaign item without its price would be posted and sold at 0.00元: the price is required, in fen. */
  private static void requirePrices(io.vertx.core.json.JsonArray items) {
    for (int i = 0; i < items.size(); i++) {
      Object price = items.getJsonObject(i).getValue("priceFen");
      if (!(price instanceof Integer || price instanceof Long) || ((Number) price).longValue() < 0) {
        throw ApiException.badRequest("items[" + i + "].priceFen is required: the price in fen, a whole number "
            + "(6.90元 is 690)");
      }
    }
  }

  private Future<JsonObject> createCampaign(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    List<CatalogItem> items;
    try {
      items = CatalogReader.items(body, "campaign");
    } catch (ReplayException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (items.isEmpty()) {
      throw ApiException.badRequest("a campaign needs at least one item");
    }
    requirePrices(body.getJsonArray("items"));
    if (items.stream().map(CatalogItem::no).distinct().count() != items.size()) {
      throw ApiException.badRequest("two items share a deal number \"no\"");
    }
    if (items.stream().anyMatch(i -> i.no() <= 0)) {
      throw ApiException.badRequest("deal numbers \"no\" must be positive");
    }
    List<Long> groups = groupIds(body);
    String name = body.getValue("campaign") instanceof String s && !s.isBlank() ? s : "campaign";
    var opens = Bodies.optionalTime(body, "opensAt");
    var cutoff = Bodies.optionalTime(body, "cutoffAt");
    if (opens != null && cutoff != null && !cutoff.isAfter(opens)) {
      throw ApiException.badRequest("\"cutoffAt\" must be after \"opensAt\"");
    }
    Map<String, Long> costs = costs(body);
    List<CampaignItem> campaignItems = items.stream().map(i -> new CampaignItem(i.no(), i.id(), i.name(), i.aliases(),
        i.unit(), i.spec(), i.priceFen(), costs.get(i.id()))).toList();
    Object announce = body.getValue("announce", true);
    if (!(announce instanceof Boolean)) {
      throw ApiException.badRequest("\"announce\" must be true or false");
    }
    return catalog.createCampaign(name, opens, cutoff, Bodies.optionalTime(body, "pickupAt"), campaignItems, groups,
            (Boolean) announce)
        .compose(c -> planned.apply(c).map(c))
        .map(c -> {
          interpreters.invalidate(c.id());
          return campaign(c);
        });
  }

  /** What the platform pays for one unit of each item that gives {@code costFen}, by product id. */
  private static Map<String, Long> costs(JsonObject body) {
    Map<String, Long> costs = new java.util.HashMap<>();
    for (Object o : Bodies.optionalArray(body, "items")) {
      JsonObject item = (JsonObject) o; // CatalogReader has checked the items
      Long cost = Bodies.optionalLong(item, "costFen");
      if (cost != null && cost < 0) {
        throw ApiException.badRequest("\"costFen\" must not be negative");
      }
      if (cost != null) {
        costs.put(item.getString("id"), cost);
      }
    }
    return costs;
  }

  private static List<Long> groupIds(JsonObject body) {
    List<Long> groups = new ArrayList<>();
    for (Object g : Bodies.optionalArray(body, "groups")) {
      if (!(g instanceof Number n)) {
        throw ApiException.badRequest("\"groups\" must be an array of group ids");
      }
      groups.add(n.longValue());
    }
    return groups;
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
    String name = body.getValue("campaign") == null ? null : Bodies.optionalString(body, "campaign");
    List<Long> groups = groupIds(body);
    var cutoff = Bodies.optionalTime(body, "cutoffAt");
    return existing(id).compose(c -> {
      if (cutoff != null && !cutoff.isAfter(c.opensAt())) {
        throw ApiException.badRequest("\"cutoffAt\" must be after the campaign opened (" + c.opensAt() + ")");
      }
      return catalog.updateCampaign(id, name, cutoff, Bodies.optionalTime(body, "pickupAt"), groups);
    }).compose(c -> c.isEmpty() ? Future.succeededFuture(c) : planned.apply(c.get()).map(c))
        .map(c -> campaign(c.orElseThrow(() -> ApiException.notFound("campaign " + id))));
  }

  private Future<JsonObject> campaignOrders(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    String groupParam = ctx.request().getParam("group");
    Long group;
    try {
      group = groupParam == null || groupParam.isEmpty() ? null : Long.parseLong(groupParam);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("group must be a group id");
    }
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
        .put("robot", g.robotWebhookKey() != null).put("memberCount", g.memberCount())
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

package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Money;
import tuangou.bot.input.Checks;
import tuangou.bot.input.Limits;
import tuangou.bot.lifecycle.Lifecycle;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.OutboxDraft;
import tuangou.store.Pickup;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgJobs;
import tuangou.store.pg.PgPickups;
import tuangou.store.pg.PgRefunds;

/**
 * The campaign lifecycle for the platform: cutoff, arrival, pickups (核销), after-sales refunds, and
 * the campaign's scheduled jobs. Everything the leader can do in chat, done from the back office.
 */
public final class LifecycleApi {
  private final PgCatalog catalog;
  private final PgPickups pickups;
  private final PgRefunds refunds;
  private final PgJobs jobs;
  private final Lifecycle lifecycle;
  private final GroupDirectory directory;
  private final java.time.Clock clock;

  public LifecycleApi(PgCatalog catalog, PgPickups pickups, PgRefunds refunds, PgJobs jobs,
      Lifecycle lifecycle, GroupDirectory directory, java.time.Clock clock) {
    this.clock = clock;
    this.catalog = catalog;
    this.pickups = pickups;
    this.refunds = refunds;
    this.jobs = jobs;
    this.lifecycle = lifecycle;
    this.directory = directory;
  }

  /** Mount after {@link AdminApi}, whose handler authorizes everything under /api/v1. */
  public void mount(Router router) {
    router.post("/api/v1/campaigns/:id/cutoff").handler(JsonHandlers.of(this::cutoff, 200, this::changed));
    router.post("/api/v1/campaigns/:id/arrival").handler(JsonHandlers.of(this::arrival, 200, this::changed));
    router.get("/api/v1/campaigns/:id/pickups").handler(JsonHandlers.of(this::listPickups, 200, this::changed));
    router.get("/api/v1/campaigns/:id/jobs").handler(JsonHandlers.of(this::listJobs, 200, this::changed));
    router.post("/api/v1/pickups").handler(JsonHandlers.of(this::verify, 200, this::changed));
    router.post("/api/v1/refunds").handler(JsonHandlers.of(this::refund, 201, this::changed));
  }

  private void changed() {
    directory.invalidate();
  }

  private Future<Campaign> campaign(long id) {
    return catalog.campaign(id).map(c -> c.orElseThrow(() -> ApiException.notFound("campaign " + id)));
  }

  private Future<JsonObject> cutoff(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return campaign(id).compose(c -> lifecycle.cutoffCampaign(c).compose(n -> campaign(id))
        .map(closed -> new JsonObject().put("id", id).put("closedAt", closed.closedAt().toString())));
  }

  private Future<JsonObject> arrival(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    boolean none = ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0;
    JsonObject body = none ? new JsonObject() : Bodies.json(ctx);
    List<Long> asked = Bodies.groupIds(body, "groups");
    return campaign(id).compose(c -> {
      List<Long> groups = asked.isEmpty() ? c.groups() : asked;
      for (long g : groups) {
        if (!c.groups().contains(g)) {
          throw ApiException.badRequest("group " + g + " is not in campaign " + id);
        }
      }
      Future<JsonArray> done = Future.succeededFuture(new JsonArray());
      for (long g : groups) {
        done = done.compose(out -> catalog.group(g).compose(group -> lifecycle.arrival(c, group.orElseThrow()))
            .map(list -> out.add(new JsonObject().put("groupId", g).put("pickups", list.size()))));
      }
      return done.map(out -> new JsonObject().put("id", id).put("groups", out));
    });
  }

  private Future<JsonObject> listPickups(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    Long only = Bodies.queryId(ctx, "groupId");
    String picked = ctx.request().getParam("picked");
    if (picked != null && !picked.equals("true") && !picked.equals("false")) {
      throw ApiException.badRequest("\"picked\" is true or false");
    }
    return campaign(id).compose(c -> {
      List<Long> groups = only == null ? c.groups() : List.of(only);
      List<Future<List<Pickup>>> all = groups.stream().map(g -> pickups.ofGroup(id, g)).toList();
      return Future.all(all).map(v -> {
        JsonArray items = new JsonArray();
        all.forEach(f -> f.result().stream()
            .filter(p -> picked == null || p.picked() == Boolean.parseBoolean(picked))
            .forEach(p -> items.add(pickup(p))));
        return new JsonObject().put("items", items);
      });
    });
  }

  private Future<JsonObject> listJobs(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return campaign(id).compose(c -> jobs.ofCampaign(id)).map(list -> new JsonObject().put("items", new JsonArray(list)));
  }

  /** 核销 by code, or by group and customer (label, chat name or id) in a campaign. */
  private Future<JsonObject> verify(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    String code = Bodies.optionalString(body, "code", 16);
    Future<Lifecycle.Verified> result;
    String target;
    if (code != null) {
      if (!code.matches("\\d{6}")) {
        throw ApiException.badRequest("\"code\" is the 6-digit pickup code");
      }
      target = code;
      result = lifecycle.verifyCode(code, "admin");
    } else {
      long group = Bodies.requiredLong(body, "groupId", 1, Long.MAX_VALUE);
      target = Bodies.requiredString(body, "customer", Limits.ID_CHARS);
      Long campaignId = Bodies.optionalLong(body, "campaignId", 1, Long.MAX_VALUE);
      result = (campaignId != null ? Future.succeededFuture(campaignId) : latestCampaign(group))
          .compose(cid -> lifecycle.verify(cid, group, target, "admin"));
    }
    return result.map(v -> {
      if (v instanceof Lifecycle.Picked p) {
        return pickup(p.pickup());
      }
      if (v instanceof Lifecycle.AlreadyPicked p) {
        throw ApiException.conflict("already picked up at " + p.pickup().pickedAt() + " (" + p.pickup().shownAs() + ")");
      }
      if (v instanceof Lifecycle.Ambiguous a) {
        throw ApiException.conflict("\"" + target + "\" matches " + a.candidates().size() + " residents: "
            + String.join(", ", a.candidates().stream().map(Pickup::shownAs).toList()) + "; use the code");
      }
      throw ApiException.notFound("pickup " + target);
    });
  }

  private Future<Long> latestCampaign(long groupId) {
    return directory.lookup(groupId, java.time.OffsetDateTime.now(clock)).map(found -> found
        .flatMap(GroupDirectory.Found::current).map(Campaign::id)
        .orElseThrow(() -> ApiException.notFound("a recent campaign of group " + groupId + " (give campaignId)")));
  }

  private Future<JsonObject> refund(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    long campaignId = Bodies.requiredLong(body, "campaignId", 1, Long.MAX_VALUE);
    long groupId = Bodies.requiredLong(body, "groupId", 1, Long.MAX_VALUE);
    String customer = Bodies.requiredString(body, "customer", Limits.ID_CHARS);
    String item = body.getValue("item") instanceof Number n ? String.valueOf(Checks.whole("item", n, 1,
        Limits.MAX_DEAL_NO)) : Bodies.requiredId(body, "item");
    String reason = Bodies.requiredString(body, "reason", Limits.NOTE_CHARS);
    if (body.getValue("qty") == null) {
      throw ApiException.badRequest("\"qty\" is required: a positive number");
    }
    BigDecimal qty = Checks.number("qty", body.getValue("qty")).stripTrailingZeros();
    if (qty.signum() <= 0 || qty.scale() > 3 || qty.compareTo(FulfilmentApi.MAX_QTY) > 0) {
      throw ApiException.badRequest("\"qty\" must be positive, below 1000000000, with at most 3 decimals");
    }
    qty = qty.scale() < 0 ? qty.setScale(0) : qty;
    BigDecimal q = qty;
    return campaign(campaignId).compose(c -> {
      CampaignItem ci = c.items().stream().filter(i -> i.productId().equals(item) || String.valueOf(i.no()).equals(item))
          .findFirst().orElseThrow(() -> ApiException.badRequest("campaign " + campaignId + " has no item " + item));
      if (!c.groups().contains(groupId)) {
        throw ApiException.badRequest("group " + groupId + " is not in campaign " + campaignId);
      }
      return catalog.group(groupId).compose(g -> refunds.afterSales(campaignId, groupId, customer, ci.productId(), q,
          reason, r -> tell(g.orElseThrow(), ci, r)));
    }).map(r -> new JsonObject().put("id", r.id()).put("campaignId", r.campaignId()).put("groupId", r.groupId())
        .put("customer", r.customer()).put("item", r.productId()).put("qty", r.qty().stripTrailingZeros().toPlainString())
        .put("amountFen", r.amountFen()).put("reason", r.reason()));
  }

  /** The resident is told in the group, the leader in private. */
  private static List<OutboxDraft> tell(ChatGroup g, CampaignItem item, PgRefunds.Refund r) {
    String what = item.name() + " " + Money.qty(r.qty()) + item.unit();
    String who = r.customerName().isEmpty() ? r.customer() : r.customerName();
    List<OutboxDraft> drafts = new ArrayList<>();
    drafts.add(OutboxDraft.toChat(g.channel(), g.chatId(), Messages.text("refund.resident", who, what,
        Money.yuan(r.amountFen()), r.reason()), List.of(r.customer()), "refund:" + r.id()));
    if (g.leaderUser() != null && !g.leaderUser().isBlank()) {
      drafts.add(new OutboxDraft(g.channel(), null, g.leaderUser(), Messages.text("refund.leader", g.name(), who,
          what, Money.yuan(r.amountFen()), r.reason()), List.of(), "refund-leader:" + r.id()));
    }
    return drafts;
  }

  private static JsonObject pickup(Pickup p) {
    return new JsonObject().put("campaignId", p.campaignId()).put("groupId", p.groupId()).put("customer", p.customer())
        .put("label", p.label()).put("name", p.displayName()).put("code", p.code())
        .put("pickedAt", p.pickedAt() == null ? null : p.pickedAt().toString()).put("pickedBy", p.pickedBy());
  }
}

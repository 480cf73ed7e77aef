package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tuangou.ordering.reply.Messages;
import tuangou.bot.export.ExportFormat;
import tuangou.bot.input.Checks;
import tuangou.bot.input.Limits;
import tuangou.bot.export.Workbook;
import tuangou.bot.lifecycle.Fulfilment;
import tuangou.bot.lifecycle.PurchaseSummary;
import tuangou.bot.lifecycle.ShortageNotices;
import tuangou.bot.lifecycle.SortingList;
import tuangou.bot.replay.OrdersJson;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgFulfilment;

/**
 * The admin API for a campaign's goods after cutoff: the purchase summary, the sorting lists (JSON, or
 * CSV / XLSX downloads with {@code ?format=}) and receipts, which settle a shortage. Mounted after
 * {@link AdminApi}, whose token check covers these routes too.
 */
public final class FulfilmentApi {
  /** numeric(12, 3): what a quantity column holds. */
  static final BigDecimal MAX_QTY = new BigDecimal("999999999.999");

  private final Vertx vertx;
  private final PgCatalog catalog;
  private final PgFulfilment fulfilment;
  private final Runnable sendSoon;

  /** @param sendSoon wakes the outbox sender, so that shortage notices go out at once */
  public FulfilmentApi(Vertx vertx, PgCatalog catalog, PgFulfilment fulfilment, Runnable sendSoon) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.fulfilment = fulfilment;
    this.sendSoon = sendSoon;
  }

  public void mount(Router router) {
    router.get("/api/v1/campaigns/:id/summary").handler(JsonHandlers.of(this::summary, 200, () -> { }));
    router.get("/api/v1/campaigns/:id/sorting").handler(JsonHandlers.of(this::sorting, 200, () -> { }));
    router.post("/api/v1/campaigns/:id/receipts").handler(JsonHandlers.of(this::receipt, 200, () -> { }));
  }

  private Future<?> summary(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    Optional<ExportFormat> format = format(ctx);
    return load(id, null).compose(f -> format.isEmpty() ? Future.<Object>succeededFuture(PurchaseSummary.json(f))
        : download(format.get(), f.fileBase("采购单"), () -> PurchaseSummary.workbook(f)));
  }

  private Future<?> sorting(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    Optional<ExportFormat> format = format(ctx);
    Long groupId = groupParam(ctx);
    return load(id, groupId).compose(f -> {
      Optional<ChatGroup> group = f.groups().stream().filter(g -> groupId != null && g.id() == groupId).findFirst();
      if (groupId != null && group.isEmpty()) {
        throw ApiException.notFound("group " + groupId + " of campaign " + id);
      }
      // a city's sorting lists are large: built and encoded on a worker, like the files
      return format.isEmpty() ? vertx.executeBlocking(() -> SortingList.json(f, groupId).toBuffer(), false)
          : download(format.get(), group.map(g -> f.fileBase("分拣单", g.name())).orElse(f.fileBase("分拣单")),
              () -> SortingList.workbook(f, groupId));
    });
  }

  /** The campaign's goods, read in four queries whatever its size; 404 for an unknown campaign. */
  private Future<Fulfilment> load(long id, Long groupId) {
    return campaign(id).compose(c -> {
      Future<List<PgFulfilment.Line>> lines = fulfilment.lines(id, groupId);
      Future<List<ChatGroup>> groups = fulfilment.groups(id);
      Future<Map<String, BigDecimal>> receipts = fulfilment.receipts(id);
      return Future.all(lines, groups, receipts)
          .map(v -> new Fulfilment(c, groups.result(), lines.result(), receipts.result()));
    });
  }

  private Future<Object> download(ExportFormat format, String base, Supplier<Workbook> workbook) {
    return Download.of(vertx, format, base, workbook);
  }

  private Future<JsonObject> receipt(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    JsonObject body = Bodies.json(ctx);
    Object item = body.getValue("item");
    if (!(item instanceof Number) && !(item instanceof String s && !s.isBlank())) {
      throw ApiException.badRequest("\"item\" is required: a product id or a deal number");
    }
    Object ref = item instanceof Number n ? (Object) Checks.whole("item", n, 1, Limits.MAX_DEAL_NO)
        : Bodies.requiredId(body, "item");
    BigDecimal received = quantity(body, "receivedQty");
    return campaign(id).compose(c -> {
      CampaignItem ci = item(c, ref).orElseThrow(() -> ApiException.badRequest("campaign " + id + " has no item \""
          + ref + "\""));
      return fulfilment.groups(id).compose(groups -> {
        Map<Long, ChatGroup> byId = new HashMap<>();
        groups.forEach(g -> byId.put(g.id(), g));
        return fulfilment.recordReceipt(id, ci.productId(), received, Messages.text("shortage.reason"),
            lines -> ShortageNotices.plan(id, ci, received, byId, lines));
      }).map(recorded -> {
        if (recorded.noticesQueued() > 0) {
          sendSoon.run();
        }
        return receiptJson(ci, received, recorded);
      });
    });
  }

  private static JsonObject receiptJson(CampaignItem item, BigDecimal received, PgFulfilment.Recorded recorded) {
    Map<Long, PgFulfilment.Line> lines = new HashMap<>();
    BigDecimal ordered = BigDecimal.ZERO;
    for (PgFulfilment.Line l : recorded.lines()) {
      lines.put(l.id(), l);
      ordered = ordered.add(l.qty());
    }
    JsonArray refunds = new JsonArray();
    long refundFen = 0;
    for (PgFulfilment.Refund r : recorded.plan().refunds()) {
      refunds.add(new JsonObject().put("groupId", r.groupId()).put("customer", r.customer())
          .put("label", lines.get(r.orderLineId()).label()).put("orderLineId", r.orderLineId())
          .put("qty", OrdersJson.number(r.qty())).put("amountFen", r.amountFen()));
      refundFen += r.amountFen();
    }
    BigDecimal shortQty = ordered.subtract(received).max(BigDecimal.ZERO);
    return new JsonObject().put("item", item.productId()).put("no", item.no()).put("name", item.name())
        .put("unit", item.unit()).put("orderedQty", OrdersJson.number(ordered))
        .put("receivedQty", OrdersJson.number(received)).put("shortQty", OrdersJson.number(shortQty))
        .put("refundFen", refundFen).put("refunds", refunds).put("noticesQueued", recorded.noticesQueued());
  }

  /** An item by product id, or by deal number given as a number or as digits. */
  private static Optional<CampaignItem> item(Campaign c, Object ref) {
    if (ref instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        return Optional.empty();
      }
      return c.items().stream().filter(i -> i.no() == n.longValue()).findFirst();
    }
    String s = ((String) ref).strip();
    Optional<CampaignItem> byId = c.items().stream().filter(i -> i.productId().equals(s)).findFirst();
    if (byId.isPresent() || !s.matches("\\d{1,9}")) {
      return byId;
    }
    return c.items().stream().filter(i -> i.no() == Integer.parseInt(s)).findFirst();
  }

  /** A quantity as the database holds it: a number, not negative, at most three decimals. */
  static BigDecimal quantity(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof Number n)) {
      throw ApiException.badRequest("\"" + field + "\" is required and must be a number");
    }
    BigDecimal q = Checks.number(field, n).stripTrailingZeros();
    if (q.signum() < 0) {
      throw ApiException.badRequest("\"" + field + "\" must not be negative");
    }
    if (q.scale() > 3 || q.compareTo(MAX_QTY) > 0) {
      throw ApiException.badRequest("\"" + field + "\" must have at most 3 decimals and be below 1000000000");
    }
    return q.scale() < 0 ? q.setScale(0) : q;
  }

  private Future<Campaign> campaign(long id) {
    return catalog.campaign(id).map(c -> c.orElseThrow(() -> ApiException.notFound("campaign " + id)));
  }

  private static Optional<ExportFormat> format(RoutingContext ctx) {
    String f = ctx.request().getParam("format");
    if (f == null || f.isEmpty() || f.equalsIgnoreCase("json")) {
      return Optional.empty();
    }
    return Optional.of(ExportFormat.parse(f).orElseThrow(() -> ApiException.badRequest("format must be csv or xlsx")));
  }

  private static Long groupParam(RoutingContext ctx) {
    return Bodies.queryId(ctx, "groupId");
  }
}

package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.List;
import tuangou.bot.campaigns.CampaignInterpreters;
import tuangou.bot.input.Limits;
import tuangou.bot.replay.OrdersJson;
import tuangou.ordering.Origin;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Replies;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.ReviewItem;
import tuangou.store.StoredLine;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgOrders;
import tuangou.store.pg.PgReview;

/**
 * The leader's review queue for the platform: every open question, conflict and after-sales message
 * of a campaign, and settling one by ordering an item for the resident or dismissing it. Who settled
 * it is recorded; the resident is told in the group.
 */
public final class ReviewApi {
  private final PgCatalog catalog;
  private final PgOrders orders;
  private final PgReview review;
  private final Runnable sent;

  public ReviewApi(PgCatalog catalog, PgOrders orders, PgReview review, Runnable sent) {
    this.catalog = catalog;
    this.orders = orders;
    this.review = review;
    this.sent = sent;
  }

  /** Mount after {@link AdminApi}, whose handler authorizes everything under /api/v1. */
  public void mount(Router router) {
    router.get("/api/v1/campaigns/:id/review").handler(JsonHandlers.of(this::list, 200, () -> {}));
    router.post("/api/v1/review/:id").handler(JsonHandlers.of(this::settle, 200, sent));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return catalog.campaign(id).compose(c -> {
      if (c.isEmpty()) {
        throw ApiException.notFound("campaign " + id);
      }
      return review.open(id, null);
    }).map(items -> new JsonObject().put("items", new JsonArray(items.stream().map(ReviewApi::json).toList())));
  }

  /** {@code {"action": "order", "item", "qty", "by"}} or {@code {"action": "dismiss", "by"}}. */
  private Future<JsonObject> settle(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    JsonObject body = Bodies.json(ctx);
    String action = Bodies.requiredString(body, "action", Limits.ID_CHARS);
    String by = Bodies.requiredString(body, "by", Limits.NAME_CHARS);
    if (!action.equals("order") && !action.equals("dismiss")) {
      throw ApiException.badRequest("\"action\" must be \"order\" or \"dismiss\"");
    }
    BigDecimal qty = action.equals("order") ? quantity(body) : null;
    String itemRef = action.equals("order") ? Bodies.requiredString(body, "item", Limits.ID_CHARS) : null;
    return review.find(id).compose(found -> {
      ReviewItem item = found.orElseThrow(() -> ApiException.notFound("review item " + id));
      if (action.equals("dismiss")) {
        return review.settle(id, "dismissed", by).map(first -> answer(item, first, "dismissed", by));
      }
      if (ReviewItem.AFTER_SALES.equals(item.kind()) || item.campaignId() == null) {
        throw ApiException.badRequest("an after-sales message is settled by a refund or dismissed, not ordered");
      }
      return catalog.campaign(item.campaignId()).compose(c -> order(item, c.orElseThrow(), itemRef, qty, by));
    });
  }

  private Future<JsonObject> order(ReviewItem item, Campaign c, String itemRef, BigDecimal qty, String by) {
    CampaignItem chosen = c.items().stream()
        .filter(i -> i.productId().equals(itemRef) || String.valueOf(i.no()).equals(itemRef)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("\"item\": campaign " + c.id() + " has no item " + itemRef));
    Replies replies = new Replies(CampaignInterpreters.items(c));
    return catalog.group(item.groupId()).compose(group -> orders.inGroup(item.groupId(), tx -> tx.review().settle(item.id(),
        "ordered " + chosen.productId() + " " + qty.toPlainString(), by).compose(first -> {
          if (!first) {
            return Future.succeededFuture(false);
          }
          // the line stands where the question stood, so editing the entry later replaces it
          Origin origin = Origin.parse(item.origin());
          StoredLine line = new StoredLine(origin.lineKey("review-" + item.id(), 0), item.origin(), item.customer(),
              item.displayName(), chosen.productId(), qty, "", "review-" + item.id());
          String told = Messages.text("review.ordered", item.shownAs(), replies.describe(chosen.productId(), qty));
          return Future.all(tx.addLine(c.id(), line), tx.bookWrittenElsewhere())
              .compose(v -> tx.enqueue(group.orElseThrow().channel(), group.orElseThrow().chatId(), null, told,
                  List.of(item.customer()), null))
              .map(true);
        }))).map(first -> answer(item, first, "ordered", by).put("item", chosen.productId())
            .put("qty", OrdersJson.number(qty)));
  }

  private static BigDecimal quantity(JsonObject body) {
    Object raw = body.getValue("qty");
    if (!(raw instanceof Number) && !(raw instanceof String)) {
      throw ApiException.badRequest("\"qty\" must be a number");
    }
    try {
      BigDecimal q = new BigDecimal(String.valueOf(raw));
      if (q.signum() <= 0 || q.scale() > 3 || q.compareTo(BigDecimal.valueOf(100_000)) > 0) {
        throw ApiException.badRequest("\"qty\" must be positive, at most 100000, with at most 3 decimals");
      }
      return q;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("\"qty\" must be a number");
    }
  }

  private static JsonObject answer(ReviewItem item, boolean first, String resolution, String by) {
    if (!first) {
      throw ApiException.conflict("review item " + item.id() + " was already settled");
    }
    return new JsonObject().put("id", item.id()).put("resolution", resolution).put("by", by);
  }

  private static JsonObject json(ReviewItem i) {
    return new JsonObject().put("id", i.id()).put("groupId", i.groupId()).put("customer", i.customer())
        .put("name", i.displayName()).put("text", i.text()).put("kind", i.kind())
        .put("choices", new JsonArray(i.choices())).put("createdAt", i.createdAt().toString());
  }
}

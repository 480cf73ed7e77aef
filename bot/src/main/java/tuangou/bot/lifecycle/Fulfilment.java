package tuangou.bot.lifecycle;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tuangou.ordering.reply.Money;
import tuangou.bot.export.Cell;
import tuangou.bot.replay.OrdersJson;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;
import tuangou.store.ChatGroup;
import tuangou.store.pg.PgFulfilment;

/**
 * A campaign's goods as read for the purchase summary and the sorting lists: its items, groups,
 * active lines (with what each gets after a shortage) and receipts.
 *
 * <p>Amounts: a line's {@code amountFen} is its quantity at the campaign price, rounded half-up to the
 * fen per line, as residents are told in chat; an item's total is the sum of its lines. A line's
 * {@code refundFen} is the shortage refunded on it. {@code costFen} is an item's total quantity at its
 * cost, rounded half-up once for the item, and null when the cost is not known.
 */
public final class Fulfilment {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Cell.ZONE);

  private final Campaign campaign;
  private final List<ChatGroup> groups;
  private final List<PgFulfilment.Line> lines;
  private final Map<String, BigDecimal> receipts;
  private final Map<String, CampaignItem> items = new HashMap<>();

  /**
   * @param groups the campaign's groups, by id
   * @param lines its active lines, first ordered first
   * @param receipts what arrived of each item with a receipt, by product id
   */
  public Fulfilment(Campaign campaign, List<ChatGroup> groups, List<PgFulfilment.Line> lines,
      Map<String, BigDecimal> receipts) {
    this.campaign = campaign;
    this.groups = List.copyOf(groups);
    this.lines = List.copyOf(lines);
    this.receipts = Map.copyOf(receipts);
    campaign.items().forEach(i -> items.put(i.productId(), i));
  }

  public Campaign campaign() {
    return campaign;
  }

  public List<ChatGroup> groups() {
    return groups;
  }

  public List<PgFulfilment.Line> lines() {
    return lines;
  }

  /** What arrived of the item, when a receipt was recorded. */
  public BigDecimal received(String productId) {
    return receipts.get(productId);
  }

  /** The campaign's item for a product; a stand-in (price 0, no unit) for one it does not offer. */
  public CampaignItem item(String productId) {
    CampaignItem item = items.get(productId);
    return item != null ? item : new CampaignItem(Integer.MAX_VALUE, productId, productId, List.of(), "", "", 0);
  }

  /** A line's quantity at the campaign price, before any refund. */
  public long amountFen(PgFulfilment.Line line) {
    return Money.amountFen(line.qty(), item(line.productId()).priceFen());
  }

  /** The totals of some lines per item, in deal-number order. */
  public List<ItemTotal> totals(List<PgFulfilment.Line> of) {
    Map<String, ItemTotal> totals = new LinkedHashMap<>();
    for (PgFulfilment.Line l : of) {
      totals.computeIfAbsent(l.productId(), p -> new ItemTotal(item(p))).add(l, amountFen(l));
    }
    return totals.values().stream()
        .sorted(Comparator.comparingInt((ItemTotal t) -> t.item().no()).thenComparing(t -> t.item().productId()))
        .toList();
  }

  /** A download's file name without extension: {@code 采购单-<campaign>-2026-11-23}, on the delivery day. */
  public String fileBase(String kind, String... more) {
    OffsetDateTime day = campaign.pickupAt() != null ? campaign.pickupAt()
        : campaign.cutoffAt() != null ? campaign.cutoffAt() : campaign.opensAt();
    StringBuilder s = new StringBuilder(kind).append('-').append(campaign.name());
    for (String m : more) {
      s.append('-').append(m);
    }
    return s.append('-').append(DAY.format(day)).toString();
  }

  /** One item's quantities and amounts over some lines. */
  public static final class ItemTotal {
    private final CampaignItem item;
    private BigDecimal qty = BigDecimal.ZERO;
    private BigDecimal allocated = BigDecimal.ZERO;
    private long amountFen;
    private long refundFen;

    ItemTotal(CampaignItem item) {
      this.item = item;
    }

    void add(PgFulfilment.Line line, long lineAmountFen) {
      qty = qty.add(line.qty());
      allocated = allocated.add(line.allocatedQty());
      amountFen += lineAmountFen;
      refundFen += line.refundFen();
    }

    public CampaignItem item() {
      return item;
    }

    public BigDecimal qty() {
      return qty;
    }

    public BigDecimal allocated() {
      return allocated;
    }

    public long amountFen() {
      return amountFen;
    }

    public long refundFen() {
      return refundFen;
    }

    /** The total quantity at the item's cost; null when the cost is not known. */
    public Long costFen() {
      return item.costFen() == null ? null : Money.amountFen(qty, item.costFen());
    }

    public JsonObject json() {
      return new JsonObject().put("item", item.productId()).put("no", item.no() == Integer.MAX_VALUE ? null : item.no())
          .put("name", item.name()).put("unit", item.unit()).put("qty", OrdersJson.number(qty))
          .put("allocatedQty", OrdersJson.number(allocated)).put("amountFen", amountFen).put("refundFen", refundFen)
          .put("costFen", costFen());
    }
  }
}

package tuangou.bot.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tuangou.bot.export.Cell;
import tuangou.bot.export.ExportFormat;
import tuangou.bot.export.Table;
import tuangou.bot.input.Checks;
import tuangou.bot.input.Limits;
import tuangou.bot.export.Workbook;
import tuangou.bot.settlement.SettlementService;
import tuangou.bot.settlement.StatementView;
import tuangou.settlement.Statement;
import tuangou.settlement.StatementTotals;
import tuangou.store.pg.PgCatalog;
import tuangou.store.pg.PgLedger;

/**
 * Commission for the platform: run settlement, record adjustments and payouts, see a leader's
 * commission over a period, and the monthly statements, draft until confirmed.
 */
public final class SettlementApi {
  private final io.vertx.core.Vertx vertx;
  private final PgCatalog catalog;
  private final PgLedger ledger;
  private final SettlementService settlement;
  private final java.time.Clock clock;
  private final tuangou.bot.lifecycle.CommissionReports reports;
  private final tuangou.store.pg.PgOutbox outbox;
  private final java.time.ZoneId zone;
  private static final long MAX_FEN = Limits.MAX_FEN;

  public SettlementApi(io.vertx.core.Vertx vertx, PgCatalog catalog, PgLedger ledger, SettlementService settlement, java.time.Clock clock,
      tuangou.bot.lifecycle.CommissionReports reports, tuangou.store.pg.PgOutbox outbox, java.time.ZoneId zone) {
    this.zone = zone;
    this.vertx = vertx;
    this.reports = reports;
    this.outbox = outbox;
    this.catalog = catalog;
    this.ledger = ledger;
    this.settlement = settlement;
    this.clock = clock;
  }

  /** Mount after {@link AdminApi}, whose handler authorizes everything under /api/v1. */
  public void mount(Router router) {
    router.post("/api/v1/settlement/run").handler(JsonHandlers.of(ctx -> settlement.settle()
        .map(n -> new JsonObject().put("booked", n)), 200, () -> { }));
    router.post("/api/v1/leaders/:id/adjustments").handler(JsonHandlers.of(this::adjust, 201, () -> { }));
    router.post("/api/v1/leaders/:id/payouts").handler(JsonHandlers.of(this::pay, 201, () -> { }));
    router.get("/api/v1/leaders/:id/commission").handler(JsonHandlers.of(this::commission, 200, () -> { }));
    router.get("/api/v1/statements").handler(JsonHandlers.of(this::statements, 200, () -> { }));
    router.get("/api/v1/statements/:id").handler(JsonHandlers.of(this::statement, 200, () -> { }));
    router.post("/api/v1/statements/:id/confirm").handler(JsonHandlers.of(this::confirm, 200, () -> { }));
    router.put("/api/v1/products/:id/commission").handler(JsonHandlers.of(this::productRate, 200, () -> { }));
    router.put("/api/v1/campaigns/:id/items/:no/commission").handler(JsonHandlers.of(this::itemRate, 200, () -> { }));
  }

  /** A commission rate in basis points, or null to fall back to the next rule (product, then leader). */
  private static Integer rate(JsonObject body) {
    if (!body.containsKey("commissionBp") || body.getValue("commissionBp") == null) {
      return null;
    }
    Object v = body.getValue("commissionBp");
    Long bp = v instanceof Number ? Bodies.optionalLong(body, "commissionBp", Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
    if (bp == null || bp < 0 || bp > 10_000) {
      throw ApiException.badRequest("\"commissionBp\" must be between 0 and 10000 (basis points: 1000 = 10%), or null");
    }
    return bp.intValue();
  }

  /** Lines accrued already keep the rate they accrued at; the new rate applies to lines accruing from now. */
  private Future<JsonObject> productRate(RoutingContext ctx) {
    String id = Bodies.pathString(ctx, "id");
    Integer bp = rate(Bodies.json(ctx));
    return ledger.setProductRate(id, bp).map(found -> {
      if (!found) {
        throw ApiException.notFound("product " + id);
      }
      return new JsonObject().put("id", id).put("commissionBp", bp);
    });
  }

  private Future<JsonObject> itemRate(RoutingContext ctx) {
    long campaign = Bodies.pathId(ctx, "id");
    long no = Bodies.pathId(ctx, "no");
    if (no > Integer.MAX_VALUE) {
      throw ApiException.notFound("item " + no + " of campaign " + campaign);
    }
    Integer bp = rate(Bodies.json(ctx));
    return ledger.setItemRate(campaign, (int) no, bp).map(found -> {
      if (!found) {
        throw ApiException.notFound("item " + no + " of campaign " + campaign);
      }
      return new JsonObject().put("campaignId", campaign).put("no", no).put("commissionBp", bp);
    });
  }

  private Future<Long> leader(RoutingContext ctx) {
    long id = Bodies.pathId(ctx, "id");
    return catalog.leader(id).map(l -> l.orElseThrow(() -> ApiException.notFound("leader " + id)).id());
  }

  private Future<JsonObject> adjust(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    long amount = Bodies.requiredLong(body, "amountFen", -MAX_FEN, MAX_FEN);
    String reason = Bodies.requiredString(body, "reason", Limits.NOTE_CHARS);
    if (amount == 0 || Math.abs(amount) > MAX_FEN) {
      throw ApiException.badRequest("\"amountFen\" must not be 0 (positive is a bonus, negative a penalty) and at most "
          + MAX_FEN + " either way");
    }
    if (reason.isBlank()) {
      throw ApiException.badRequest("\"reason\" must say why");
    }
    // booked by the next settlement run (every minute, or POST /settlement/run): the answer does not wait for it
    String requestId = Bodies.optionalId(body, "requestId");
    return leader(ctx).compose(id -> ledger.adjust(id, amount, reason, requestId,
        OffsetDateTime.now(clock))).map(id -> new JsonObject().put("id", id));
  }

  private Future<JsonObject> pay(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    long amount = Bodies.requiredLong(body, "amountFen", Long.MIN_VALUE, Long.MAX_VALUE);
    if (amount <= 0 || amount > MAX_FEN) {
      throw ApiException.badRequest("\"amountFen\" of a payout must be between 1 and " + MAX_FEN);
    }
    String note = Bodies.optionalText(body, "note", Limits.NOTE_CHARS);
    String requestId = Bodies.optionalId(body, "requestId");
    return leader(ctx).compose(id -> ledger.pay(id, amount, note == null ? "" : note, requestId,
        OffsetDateTime.now(clock))).map(id -> new JsonObject().put("id", id));
  }

  /** Sales, refunds and commission booked in [from, to), and the balance at {@code to}. */
  private Future<JsonObject> commission(RoutingContext ctx) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime from = time(ctx, "from", YearMonth.from(now.atZoneSameInstant(zone))
        .atDay(1).atStartOfDay(zone).toOffsetDateTime());
    OffsetDateTime to = time(ctx, "to", now.plusSeconds(1));
    if (!to.isAfter(from)) {
      throw ApiException.badRequest("\"to\" must be after \"from\"");
    }
    return leader(ctx).compose(id -> settlement.period(id, from, to)).map(StatementView::json);
  }

  /**
   * The reconciliation view: every leader's statement of the month (confirmed figures where locked,
   * else the draft), as JSON pages or, with {@code format=csv|xlsx}, one file of all leaders.
   */
  private Future<?> statements(RoutingContext ctx) {
    YearMonth month = month(ctx.request().getParam("month"));
    Bodies.Paging p = Bodies.paging(ctx, 500);
    String f = ctx.request().getParam("format");
    java.util.Optional<ExportFormat> format = f == null || f.equals("json") ? java.util.Optional.empty()
        : ExportFormat.parse(f);
    if (f != null && !f.equals("json") && format.isEmpty()) {
      throw ApiException.badRequest("\"format\" is json, csv or xlsx");
    }
    boolean all = format.isPresent();
    return Future.all(catalog.leaders(all ? 0 : p.offset(), all ? Integer.MAX_VALUE : p.limit()),
            settlement.statements(month), ledger.locked(month.toString()))
        .map(loaded -> {
          List<tuangou.store.Leader> leaders = loaded.resultAt(0);
          java.util.Map<Long, StatementTotals> drafts = loaded.resultAt(1);
          List<PgLedger.Locked> locked = loaded.resultAt(2);
          java.util.Map<Long, PgLedger.Locked> confirmed = new java.util.HashMap<>();
          locked.forEach(l -> confirmed.put(l.leaderId(), l));
          List<JsonObject> rows = new ArrayList<>();
          for (tuangou.store.Leader l : leaders) {
            PgLedger.Locked c = confirmed.get(l.id());
            StatementView view = c != null ? StatementView.confirmed(c)
                : StatementView.draft(drafts.getOrDefault(l.id(), new StatementTotals(l.id(), month, 0, 0, 0, 0, 0)));
            rows.add(view.toJson().put("name", l.name()));
          }
          return rows;
        })
        .compose(rows -> format.isEmpty()
            ? Future.succeededFuture(new JsonObject().put("month", month.toString()).put("offset", p.offset())
                .put("limit", p.limit()).put("items", new JsonArray(rows)))
            : Download.of(vertx, format.get(), "团长对账单-" + month, () -> workbook(month, rows)));
  }

  private static Workbook workbook(YearMonth month, List<JsonObject> rows) {
    Table.Builder table = Table.builder(month + " 团长对账", "团长ID", "团长", "状态", "月初余额", "佣金", "退款冲回",
        "调整", "打款", "月末余额");
    for (JsonObject r : rows) {
      table.row(Cell.integer(r.getLong("leaderId")), Cell.text(r.getString("name")),
          Cell.text(r.getString("state").equals("confirmed") ? "已确认" : "草稿"), Cell.money(r.getLong("openingFen")),
          Cell.money(r.getLong("accrualsFen")), Cell.money(r.getLong("reversalsFen")),
          Cell.money(r.getLong("adjustmentsFen")), Cell.money(r.getLong("payoutsFen")),
          Cell.money(r.getLong("closingFen")));
    }
    return Workbook.of(table.build());
  }

  private Future<JsonObject> statement(RoutingContext ctx) {
    StatementId id = StatementId.parse(ctx.pathParam("id"));
    return catalog.leader(id.leaderId()).compose(l -> {
      l.orElseThrow(() -> ApiException.notFound("leader " + id.leaderId()));
      return Future.all(settlement.statement(id.leaderId(), id.month()), ledger.locked(id.month().toString()));
    }).map(both -> {
      Statement s = both.resultAt(0);
      List<PgLedger.Locked> locked = both.resultAt(1);
      return locked.stream().filter(x -> x.leaderId() == id.leaderId()).findFirst()
          .map(x -> StatementView.confirmed(x).withEntries(s))
          .orElseGet(() -> StatementView.of(s, true)).toJson();
    });
  }

  private Future<JsonObject> confirm(RoutingContext ctx) {
    StatementId id = StatementId.parse(ctx.pathParam("id"));
    YearMonth current = YearMonth.from(OffsetDateTime.now(clock).atZoneSameInstant(zone));
    if (!id.month().isBefore(current)) {
      throw ApiException.conflict("statement " + id.text() + " cannot be confirmed before its month has ended");
    }
    return catalog.leader(id.leaderId()).compose(l -> {
      l.orElseThrow(() -> ApiException.notFound("leader " + id.leaderId()));
      return settlement.settle().compose(n -> settlement.confirm(id.leaderId(), id.month()));
    }).compose(first -> {
      if (!first) {
        throw ApiException.conflict("statement " + id.text() + " was confirmed already");
      }
      return ledger.locked(id.month().toString());
    }).compose(list -> {
      PgLedger.Locked s = list.stream().filter(x -> x.leaderId() == id.leaderId()).findFirst().orElseThrow();
      // the leader sees their confirmed statement in private; the notice is keyed, so it goes once
      return reports.confirmed(id.leaderId(), s).compose(outbox::enqueue).map(n -> StatementView.confirmed(s).toJson());
    });
  }

  /** A statement's id in the API: {@code <leaderId>-<yyyy-MM>}. */
  private record StatementId(long leaderId, YearMonth month) {
    static StatementId parse(String text) {
      int dash = text == null ? -1 : text.indexOf('-');
      try {
        return new StatementId(Long.parseLong(text.substring(0, dash)), inRange(YearMonth.parse(text.substring(dash + 1))));
      } catch (RuntimeException e) {
        throw ApiException.badRequest("a statement id is <leaderId>-<yyyy-MM>, such as 12-2026-11");
      }
    }

    String text() {
      return leaderId + "-" + month;
    }
  }

  private static YearMonth month(String text) {
    try {
      return inRange(YearMonth.parse(text == null ? "" : text));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("\"month\" is required, as yyyy-MM (2026-11)");
    }
  }

  /** A month of the years 2000 to 2099: beyond, the ledger's times are out of PostgreSQL's range. */
  private static YearMonth inRange(YearMonth m) {
    if (m.getYear() < 2000 || m.getYear() > 2099) {
      throw new DateTimeParseException("out of range", m.toString(), 0);
    }
    return m;
  }

  private static OffsetDateTime time(RoutingContext ctx, String name, OffsetDateTime dflt) {
    String v = ctx.request().getParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Checks.time(name, OffsetDateTime.parse(v));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("\"" + name + "\" must be an ISO-8601 time with offset, such as 2026-11-01T00:00:00+08:00");
    }
  }
}

package tuangou.bot.settlement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import tuangou.settlement.EntryKind;
import tuangou.settlement.LedgerEntry;
import tuangou.settlement.PeriodFigures;
import tuangou.settlement.Statement;
import tuangou.settlement.StatementState;
import tuangou.settlement.StatementTotals;
import tuangou.store.pg.PgLedger;

/**
 * A leader's statement as the platform sees it, whether a draft computed by the settlement rules or
 * the figures locked at confirmation, and its JSON; with the JSON of a period's figures. The rules
 * compute every amount; this only shows them.
 *
 * @param entries the entries behind the figures; null when not asked for
 * @param confirmedAt null for a draft
 */
public record StatementView(StatementTotals totals, StatementState state, OffsetDateTime confirmedAt,
    List<LedgerEntry> entries) {
  public StatementView {
    entries = entries == null ? null : List.copyOf(entries);
  }

  public static StatementView of(Statement s, boolean withEntries) {
    return new StatementView(StatementTotals.of(s), s.state(), s.confirmedAt(), withEntries ? s.entries() : null);
  }

  public static StatementView draft(StatementTotals totals) {
    return new StatementView(totals, StatementState.DRAFT, null, null);
  }

  public static StatementView confirmed(PgLedger.Locked s) {
    return new StatementView(new StatementTotals(s.leaderId(), YearMonth.parse(s.month()), s.openingFen(),
        s.accrualsFen(), s.reversalsFen(), s.adjustmentsFen(), s.payoutsFen()), StatementState.CONFIRMED,
        s.confirmedAt(), null);
  }

  /** The same view with the entries of {@code s} (the confirmed figures keep their own sums). */
  public StatementView withEntries(Statement s) {
    return new StatementView(totals, state, confirmedAt, s.entries());
  }

  /** The statement's id in the API: {@code <leaderId>-<yyyy-MM>}. */
  public String id() {
    return totals.leaderId() + "-" + totals.month();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id()).put("leaderId", totals.leaderId())
        .put("month", totals.month().toString()).put("state", state.name().toLowerCase(Locale.ROOT));
    if (confirmedAt != null) {
      json.put("confirmedAt", confirmedAt.toString());
    }
    json.put("openingFen", totals.openingFen()).put("accrualsFen", totals.accrualsFen())
        .put("reversalsFen", totals.reversalsFen()).put("adjustmentsFen", totals.adjustmentsFen())
        .put("payoutsFen", totals.payoutsFen()).put("closingFen", totals.closingFen());
    if (entries != null) {
      json.put("entries", entries(entries));
    }
    return json;
  }

  /** A period's figures as the admin API shows them. */
  public static JsonObject json(PeriodFigures f) {
    return new JsonObject().put("leaderId", f.leaderId()).put("from", f.from().toString()).put("to", f.to().toString())
        .put("salesFen", f.salesFen()).put("refundsFen", f.refundsFen()).put("commissionFen", f.commissionFen())
        .put("adjustmentsFen", f.adjustmentsFen()).put("payoutsFen", f.payoutsFen()).put("balanceFen", f.balanceFen());
  }

  private static JsonArray entries(List<LedgerEntry> entries) {
    JsonArray out = new JsonArray();
    for (LedgerEntry e : entries) {
      JsonObject json = new JsonObject().put("kind", e.kind().name().toLowerCase(Locale.ROOT))
          .put("source", e.source()).put("amountFen", e.amountFen()).put("bookedAt", e.bookedAt().toString());
      if (e.basis() != null) {
        json.put("lineId", e.basis().lineId()).put("baseFen", e.basis().baseFen()).put("rateBp", e.basis().rateBp());
      }
      if (e.kind() == EntryKind.ADJUSTMENT || !e.reason().isEmpty()) {
        json.put("reason", e.reason());
      }
      out.add(json);
    }
    return out;
  }
}

package tuangou.bot.lifecycle;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tuangou.ordering.reply.Messages;
import tuangou.ordering.reply.Money;
import tuangou.bot.settlement.SettlementService;
import tuangou.settlement.Statement;
import tuangou.settlement.StatementState;
import tuangou.store.OutboxDraft;
import tuangou.store.pg.PgLedger;

/**
 * What a leader is told about their commission, in private: the evening report (today and the
 * month so far), 佣金 on demand, 佣金 上月 from last month's statement, and a confirmed statement.
 */
public final class CommissionReports {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.SIMPLIFIED_CHINESE);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.SIMPLIFIED_CHINESE);
  private final PgLedger ledger;
  private final SettlementService settlement;
  private final Clock clock;
  private final ZoneId zone;

  public CommissionReports(PgLedger ledger, SettlementService settlement, Clock clock, ZoneId zone) {
    this.ledger = ledger;
    this.settlement = settlement;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * 佣金: today and the month so far, as the ledger stands (settlement runs every minute; a chat
   * command never starts a run of its own).
   */
  public Future<String> today(long leaderId) {
    LocalDate day = LocalDate.now(clock.withZone(zone));
    return figures(leaderId, day).map(list -> list.isEmpty() ? "" : text(list.get(0), day));
  }

  /** 佣金 上月: last month's statement, draft or confirmed. */
  public Future<String> lastMonth(long leaderId) {
    YearMonth month = YearMonth.now(clock.withZone(zone)).minusMonths(1);
    return Future.all(settlement.statement(leaderId, month), ledger.locked(month.toString())).map(both -> {
      Statement s = both.resultAt(0);
      List<PgLedger.Locked> locked = both.resultAt(1);
      // a confirmed month shows its locked figures; sales and refunds come from the entries behind them
      return locked.stream().filter(l -> l.leaderId() == leaderId).findFirst()
          .map(l -> Messages.text("commission.month", MONTH.format(month), Money.yuan(s.salesFen()),
              Money.yuan(s.refundedFen()), Money.yuan(l.accrualsFen() + l.reversalsFen()), Money.yuan(l.adjustmentsFen()),
              Money.yuan(-l.payoutsFen()), Money.yuan(l.closingFen()), Messages.text("statement.state.confirmed")))
          .orElseGet(() -> Messages.text("commission.month", MONTH.format(month), Money.yuan(s.salesFen()),
              Money.yuan(s.refundedFen()), Money.yuan(s.commissionFen()), Money.yuan(s.adjustmentsFen()),
              Money.yuan(-s.payoutsFen()), Money.yuan(s.closingFen()), Messages.text(s.state() == StatementState.CONFIRMED
                  ? "statement.state.confirmed" : "statement.state.draft")));
    });
  }

  /** The evening report of {@code day} for every leader with a private address, once per leader and day. */
  public Future<List<OutboxDraft>> evening(LocalDate day) {
    return figures(null, day).map(all -> all.stream()
        .filter(f -> f.recipient() != null)
        .map(f -> new OutboxDraft(f.channel(), null, f.recipient(), text(f, day), List.of(),
            "evening:" + f.leaderId() + ":" + day))
        .toList());
  }

  /** The notice of a confirmed statement, to the leader in private (none when they have no address). */
  public Future<List<OutboxDraft>> confirmed(long leaderId, PgLedger.Locked s) {
    LocalDate day = LocalDate.now(clock.withZone(zone));
    return figures(leaderId, day).map(list -> list.stream().filter(f -> f.recipient() != null)
        .map(f -> new OutboxDraft(f.channel(), null, f.recipient(), Messages.text("statement.confirmed",
            MONTH.format(YearMonth.parse(s.month())), Money.yuan(s.openingFen()), Money.yuan(s.accrualsFen()),
            Money.yuan(-s.reversalsFen()), Money.yuan(s.adjustmentsFen()), Money.yuan(-s.payoutsFen()),
            Money.yuan(s.closingFen())), List.of(), "statement:" + leaderId + ":" + s.month()))
        .toList());
  }

  private Future<List<PgLedger.Figures>> figures(Long leaderId, LocalDate day) {
    OffsetDateTime start = day.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime month = day.withDayOfMonth(1).atStartOfDay(zone).toOffsetDateTime();
    return ledger.figures(leaderId, start, end, month);
  }

  private static String text(PgLedger.Figures f, LocalDate day) {
    return Messages.text("commission.today", DAY.format(day), f.orders(), Money.yuan(f.salesFen()), f.picked(),
        f.unpicked(), Money.yuan(f.refundsFen()), Money.yuan(f.commissionFen()), Money.yuan(f.monthCommissionFen()),
        Money.yuan(f.balanceFen()));
  }
}

package tuangou.settlement;

import java.time.YearMonth;

/** A statement's figures without the entries behind them: what a view over every leader needs. */
public record StatementTotals(long leaderId, YearMonth month, long openingFen, long accrualsFen, long reversalsFen,
    long adjustmentsFen, long payoutsFen) {

  public static StatementTotals of(Statement s) {
    return new StatementTotals(s.leaderId(), s.month(), s.openingFen(), s.accrualsFen(), s.reversalsFen(),
        s.adjustmentsFen(), s.payoutsFen());
  }

  public long closingFen() {
    return openingFen + accrualsFen + reversalsFen + adjustmentsFen + payoutsFen;
  }
}

package tuangou.bot.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tables as an Excel workbook (XLSX) with fastexcel: one sheet per table, the header row bold
 * and frozen, columns as wide as their content. Money is a number cell formatted {@code 0.00} (12.34,
 * not the text "12.34") so that leaders can sum and filter it; quantities and integers are numbers
 * too; text and timestamps are text cells.
 *
 * <p>Text needs no formula guard here, unlike CSV: a string cell is never evaluated.
 */
public final class XlsxExport {
  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String EXTENSION = "xlsx";

  static final String MONEY_FORMAT = "0.00";
  private static final String APPLICATION = "tuangou";

  private XlsxExport() {}

  /** Writes the whole workbook; the stream is not closed (it is the caller's). */
  public static void write(Workbook workbook, OutputStream out) throws IOException {
    org.dhatim.fastexcel.Workbook xlsx = new org.dhatim.fastexcel.Workbook(out, APPLICATION, null);
    List<Table> tables = workbook.tables();
    List<String> names = SheetNames.of(tables.stream().map(Table::title).toList());
    for (int i = 0; i < tables.size(); i++) {
      writeSheet(xlsx.newWorksheet(names.get(i)), tables.get(i));
    }
    xlsx.finish();
    out.flush();
  }

  public static void write(Table table, OutputStream out) throws IOException {
    write(Workbook.of(table), out);
  }

  public static byte[] toBytes(Workbook workbook) {
    return ExportFormat.XLSX.toBytes(workbook);
  }

  public static byte[] toBytes(Table table) {
    return toBytes(Workbook.of(table));
  }

  private static void writeSheet(Worksheet sheet, Table table) {
    List<String> headers = table.headers();
    for (int c = 0; c < headers.size(); c++) {
      sheet.value(0, c, headers.get(c));
      sheet.style(0, c).bold().set();
      sheet.width(c, ColumnWidths.of(table, c));
    }
    sheet.freezePane(0, 1);
    int r = 1;
    for (List<Cell> row : table.rows()) {
      for (int c = 0; c < row.size(); c++) {
        writeCell(sheet, r, c, row.get(c));
      }
      r++;
    }
  }

  private static void writeCell(Worksheet sheet, int r, int c, Cell cell) {
    if (cell instanceof Cell.Money money) {
      // BigDecimal with scale 2 is written as "12.34" exactly; a double could print 12.340000000000002.
      sheet.value(r, c, money.yuan());
      sheet.style(r, c).format(MONEY_FORMAT).set();
    } else if (cell instanceof Cell.Int integer) {
      sheet.value(r, c, integer.value());
    } else if (cell instanceof Cell.Quantity quantity) {
      sheet.value(r, c, quantity.normalized());
    } else if (cell instanceof Cell.Text text) {
      if (!text.value().isEmpty()) {
        sheet.value(r, c, text.value());
      }
    } else if (cell instanceof Cell.Timestamp) {
      sheet.value(r, c, cell.display());
    } else {
      throw new IllegalStateException("no XLSX writer for " + cell.getClass().getSimpleName());
    }
  }
}

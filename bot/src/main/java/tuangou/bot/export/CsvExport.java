package tuangou.bot.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes tables as CSV (RFC 4180) for Excel and WPS as leaders use them: UTF-8 with a byte order
 * mark, CRLF line ends, fields quoted only when they must be.
 *
 * <p>One table is a plain CSV, header first, so that it imports anywhere. Several tables follow one
 * another, each as its title on a line of its own, the header and the rows, with a blank line
 * between tables.
 *
 * <p>Text cells, titles and headers that start with {@code = + - @}, a tab or a CR get a leading
 * apostrophe. Excel and WPS run such a field as a formula when the file is opened, and the text
 * comes from chat members (names, notes), so a resident could otherwise plant
 * {@code =HYPERLINK(...)} or a DDE call in the leader's spreadsheet (OWASP "CSV injection"). The
 * apostrophe stays visible in the cell; that is the accepted price. Numbers we format ourselves
 * (integers, money, quantities) are not guarded: a negative amount must stay a number.
 */
public final class CsvExport {
  public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
  public static final String EXTENSION = "csv";

  private static final String CRLF = "\r\n";
  /** Without the BOM, Excel on Windows reads UTF-8 CSV as the ANSI code page and Chinese is garbled. */
  private static final char BOM = '\uFEFF';

  private CsvExport() {}

  /** Writes the workbook and flushes; the stream stays open (it is the caller's). */
  public static void write(Workbook workbook, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write(BOM);
    boolean titled = workbook.tables().size() > 1;
    boolean first = true;
    for (Table table : workbook.tables()) {
      if (!first) {
        writer.write(CRLF);
      }
      first = false;
      if (titled) {
        writeRecord(writer, List.of(text(table.title())));
      }
      writeRecord(writer, table.headers().stream().map(CsvExport::text).toList());
      for (List<Cell> row : table.rows()) {
        writeRecord(writer, row.stream().map(CsvExport::field).toList());
      }
    }
    writer.flush();
  }

  public static void write(Table table, OutputStream out) throws IOException {
    write(Workbook.of(table), out);
  }

  public static byte[] toBytes(Workbook workbook) {
    return ExportFormat.CSV.toBytes(workbook);
  }

  public static byte[] toBytes(Table table) {
    return toBytes(Workbook.of(table));
  }

  private static void writeRecord(Writer writer, List<String> fields) throws IOException {
    if (fields.size() == 1 && fields.get(0).isEmpty()) {
      // A lone empty field would be a blank line, which reads as the gap between two tables.
      writer.write("\"\"");
    } else {
      writer.write(String.join(",", fields));
    }
    writer.write(CRLF);
  }

  private static String field(Cell cell) {
    return cell instanceof Cell.Text ? text(cell.display()) : quote(cell.display());
  }

  private static String text(String value) {
    return quote(guard(value));
  }

  /** Prefixes an apostrophe to text that a spreadsheet would take for a formula. */
  static String guard(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return formula ? "'" + value : value;
  }

  /** RFC 4180: a field holding a comma, a quote, CR or LF is quoted, and its quotes doubled. */
  static String quote(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }
}

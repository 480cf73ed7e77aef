package tuangou.bot.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the tests: records end with CRLF, a bare CR or LF outside quotes and
 * a quote inside an unquoted field are errors. A blank line is an empty record, so that it can be
 * told from a record holding one empty field ({@code ""}).
 */
final class CsvReader {
  private CsvReader() {}

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
          i++;
          if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
            throw new IllegalArgumentException("text after a closing quote at " + i);
          }
          continue;
        }
        field.append(c);
        i++;
      } else if (c == '"') {
        if (field.length() > 0) {
          throw new IllegalArgumentException("quote inside an unquoted field at " + i);
        }
        quoted = true;
        fieldStarted = true;
        i++;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        i++;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
          record.add(field.toString());
        }
        records.add(record);
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        i += 2;
      } else if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("bare line break outside quotes at " + i);
      } else {
        field.append(c);
        i++;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      throw new IllegalArgumentException("last record does not end with CRLF");
    }
    return records;
  }
}

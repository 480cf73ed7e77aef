package tuangou.bot.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A titled grid for download: column headers and rows of typed {@link Cell cells}, every row as wide
 * as the header. The title names the XLSX sheet and heads the section in a CSV of several tables.
 * Immutable; build one with {@link #builder(String, String...)} or the canonical constructor.
 *
 * <pre>{@code
 * Table table = Table.builder("幸福里自提点", "序号", "住户", "商品", "数量", "金额")
 *     .row(Cell.integer(1), Cell.text("3-502 王"), Cell.text("苹果"), Cell.quantity(new BigDecimal("2.5")), Cell.money(1725))
 *     .build();
 * }</pre>
 */
public record Table(String title, List<String> headers, List<List<Cell>> rows) {

  public Table {
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("a table needs a title");
    }
    headers = List.copyOf(headers);
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("table '" + title + "' has no columns");
    }
    List<List<Cell>> copied = new ArrayList<>(rows.size());
    for (List<Cell> row : rows) {
      List<Cell> cells = List.copyOf(row);
      if (cells.size() != headers.size()) {
        throw new IllegalArgumentException("table '" + title + "' row " + (copied.size() + 1) + " has "
            + cells.size() + " cells for " + headers.size() + " columns");
      }
      copied.add(cells);
    }
    rows = List.copyOf(copied);
  }

  public static Builder builder(String title, String... headers) {
    return new Builder(title, List.of(headers));
  }

  public static Builder builder(String title, List<String> headers) {
    return new Builder(title, List.copyOf(headers));
  }

  /** Collects rows; {@link #build()} validates them all at once. Not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> headers;
    private final List<List<Cell>> rows = new ArrayList<>();

    private Builder(String title, List<String> headers) {
      this.title = title;
      this.headers = headers;
    }

    public Builder row(Cell... cells) {
      return row(Arrays.asList(cells));
    }

    public Builder row(List<Cell> cells) {
      rows.add(List.copyOf(cells));
      return this;
    }

    public Table build() {
      return new Table(title, headers, rows);
    }
  }
}

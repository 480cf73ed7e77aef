package tuangou.bot.export;

import java.util.List;

/**
 * One download made of one or more {@link Table tables}: one sheet each in XLSX, sections one after
 * another in CSV. A sorting list, for instance, has one table per pickup point.
 */
public record Workbook(List<Table> tables) {

  public Workbook {
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one table");
    }
  }

  public static Workbook of(Table... tables) {
    return new Workbook(List.of(tables));
  }
}

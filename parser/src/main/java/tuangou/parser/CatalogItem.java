package tuangou.parser;

import java.util.List;
import java.util.Objects;

/**
 * A product offered in a campaign, as the catalog lists it.
 *
 * @param no the deal number residents can refer to ({@code 3号})
 * @param id the product id orders and totals use
 * @param name the display name ({@code 烟台红富士苹果})
 * @param aliases shorter names residents use ({@code 苹果}, {@code 红富士})
 * @param unit the unit quantities are counted in ({@code 斤}, {@code 盒})
 * @param spec spec words ({@code 125g}, {@code 5斤装}), possibly empty
 * @param priceFen price of one unit in fen
 */
public record CatalogItem(int no, String id, String name, List<String> aliases, String unit,
    String spec, long priceFen) {

  public CatalogItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    unit = unit == null ? "" : unit;
    spec = spec == null ? "" : spec;
    if (id.isBlank()) {
      throw new IllegalArgumentException("item id is blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("item " + id + " has a blank name");
    }
    if (priceFen < 0) {
      throw new IllegalArgumentException("item " + id + " has a negative price");
    }
  }
}

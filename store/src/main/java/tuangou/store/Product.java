package tuangou.store;

import java.util.List;

/** A product the platform sells; a campaign offers it under a deal number and its own price. */
public record Product(String id, String name, List<String> aliases, String unit, String spec, long priceFen) {
  public Product {
    aliases = List.copyOf(aliases);
  }
}

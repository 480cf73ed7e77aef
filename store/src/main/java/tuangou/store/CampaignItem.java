package tuangou.store;

import java.util.List;

/**
 * A product offered in a campaign under a deal number, at this campaign's price in fen, and what the
 * platform pays for one unit of it ({@code costFen}, null when not known).
 */
public record CampaignItem(int no, String productId, String name, List<String> aliases, String unit,
    String spec, long priceFen, Long costFen) {
  public CampaignItem {
    aliases = List.copyOf(aliases);
    if (costFen != null && costFen < 0) {
      throw new IllegalArgumentException("item " + productId + " has a negative cost");
    }
  }

  /** An item whose cost is not known. */
  public CampaignItem(int no, String productId, String name, List<String> aliases, String unit, String spec,
      long priceFen) {
    this(no, productId, name, aliases, unit, spec, priceFen, null);
  }
}

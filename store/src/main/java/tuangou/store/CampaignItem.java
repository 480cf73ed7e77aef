package tuangou.store;

import java.util.List;

/** A product offered in a campaign under a deal number, at this campaign's price in fen. */
public record CampaignItem(int no, String productId, String name, List<String> aliases, String unit,
    String spec, long priceFen) {
  public CampaignItem {
    aliases = List.copyOf(aliases);
  }
}

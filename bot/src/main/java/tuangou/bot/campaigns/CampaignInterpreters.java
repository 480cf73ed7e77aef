package tuangou.bot.campaigns;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tuangou.ordering.Engine;
import tuangou.ordering.OrderInterpreter;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.match.Synonyms;
import tuangou.parser.order.MentionResolver;
import tuangou.store.Campaign;
import tuangou.store.CampaignItem;

/**
 * One ordering engine per campaign, built from its items on first use and kept: building a Lucene
 * index per message would cost more than reading the message.
 */
public final class CampaignInterpreters {
  private final MessageInterpreter messages = MessageInterpreter.create();
  private final Synonyms synonyms;
  private final Map<Long, Engine> byCampaign = new ConcurrentHashMap<>();

  public CampaignInterpreters(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  /** The ordering engine of {@code campaign}, over its items. */
  public Engine of(Campaign campaign) {
    return byCampaign.computeIfAbsent(campaign.id(), id -> {
      List<CatalogItem> items = items(campaign);
      return new Engine(new OrderInterpreter(messages, new MentionResolver(ProductIndex.of(items, synonyms))), items);
    });
  }

  public MessageInterpreter messages() {
    return messages;
  }

  /** Forgets every campaign's interpreter: a product's names changed. */
  public void invalidateAll() {
    byCampaign.clear();
  }

  /** Forgets a campaign whose items changed. */
  public void invalidate(long campaignId) {
    byCampaign.remove(campaignId);
  }

  public static List<CatalogItem> items(Campaign campaign) {
    return campaign.items().stream().map(CampaignInterpreters::item).toList();
  }

  static CatalogItem item(CampaignItem i) {
    return new CatalogItem(i.no(), i.productId(), i.name(), i.aliases(), i.unit(), i.spec(), i.priceFen());
  }
}

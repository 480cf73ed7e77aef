package tuangou.bot.replay.roundtrip;

import java.util.List;
import tuangou.parser.CatalogItem;

/**
 * Notes about the last item ordered, as residents put them after their order; none names an item.
 * Notes about the whole order (晚点来拿, 放门卫就行) are left out: which line should carry them is a matter
 * of taste, not of reading.
 */
final class Notes {
  private Notes() {}

  static List<String> forItem(CatalogItem last) {
    String id = last == null ? "" : last.id();
    return switch (id) {
      case "pork_belly", "ribs" -> List.of("要瘦一点的", "帮忙切好", "剁小块");
      case "apple", "navel_orange", "kiwi", "banana" -> List.of("不要太熟", "挑大个的", "要甜一点的");
      case "tomato", "potato", "enoki", "tofu", "egg" -> List.of("要新鲜的", "不要太大的", "挑好一点的");
      default -> List.of("不要临期的", "要新日期的", "生产日期新一点的");
    };
  }
}

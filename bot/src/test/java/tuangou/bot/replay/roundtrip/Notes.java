package tuangou.bot.replay.roundtrip;

import java.util.List;
import tuangou.parser.CatalogItem;

/** Notes residents put after their order; none names an item. */
final class Notes {
  private Notes() {}

  static List<String> forItem(CatalogItem last) {
    String id = last == null ? "" : last.id();
    return switch (id) {
      case "pork_belly", "ribs" -> List.of("要瘦一点的", "帮忙切好", "剁小块");
      case "apple", "navel_orange", "kiwi", "banana" -> List.of("不要太熟", "挑大个的", "要甜一点的");
      case "tomato", "potato", "enoki", "tofu", "egg" -> List.of("要新鲜的", "不要太大的", "晚点来拿");
      default -> List.of("放门卫就行", "明天下午来拿", "晚点取");
    };
  }
}

package tuangou.bot.app;

import java.util.List;
import tuangou.parser.CatalogItem;

/**
 * An evening of made-up chat for warming up: orders in every shape residents use, changes,
 * cancels, questions, complaints, chatter, and a 接龙 that grows and starts again. Not thread-safe:
 * one a writer.
 */
final class MadeUpChat {
  static final List<CatalogItem> CATALOG = List.of(
      new CatalogItem(1, "w-blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
      new CatalogItem(2, "w-strawberry", "丹东99草莓", List.of("草莓"), "盒", "500g", 3990),
      new CatalogItem(3, "w-apple", "烟台红富士苹果", List.of("苹果", "红富士"), "斤", "", 690),
      new CatalogItem(4, "w-banana", "海南香蕉", List.of("香蕉"), "把", "约3斤", 1290),
      new CatalogItem(5, "w-grape", "阳光玫瑰葡萄", List.of("阳光玫瑰", "葡萄"), "串", "约1.5斤", 2590),
      new CatalogItem(6, "w-cherry", "智利车厘子", List.of("车厘子"), "盒", "J级 1kg", 5990),
      new CatalogItem(7, "w-egg", "农家土鸡蛋", List.of("土鸡蛋", "鸡蛋"), "板", "30枚", 2980),
      new CatalogItem(8, "w-tomato", "普罗旺斯西红柿", List.of("西红柿", "番茄"), "斤", "", 490),
      new CatalogItem(9, "w-milk", "纯牛奶", List.of("牛奶"), "箱", "250ml*24", 5990),
      new CatalogItem(10, "w-orange", "赣南脐橙", List.of("脐橙"), "斤", "", 590));

  private static final String[] SAID = {"苹果2斤", "蓝莓+1", "我要两斤苹果", "草莓x3", "鸡蛋1板", "5号 2串", "番茄3斤",
      "香焦1把", "车厘子1盒、蓝莓2盒", "牛奶250ml*24 1箱", "脐橙三斤半", "取消香蕉", "香蕉改成3把", "我的订单", "+1",
      "3号来两斤", "麻烦帮我订一盒草莓，谢谢", "苹果再加1斤", "榴莲1个", "收到", "昨天的草莓坏了两个", "在吗",
      "蓝莓 2", "阳光玫瑰一串 车厘子一盒", "不要了", "好的谢谢团长"};

  private static final String CHAIN_HEAD = "#接龙 周二水果团\n明天中午12点截单\n";
  private final StringBuilder chain = new StringBuilder(CHAIN_HEAD);

  /** The {@code i}th message: every third re-posts the chain one line longer (25 lines, then anew). */
  String text(int i) {
    if (i % 3 != 0) {
      return SAID[i % SAID.length];
    }
    int n = i / 3 % 25 + 1;
    if (n == 1) {
      chain.setLength(0);
      chain.append(CHAIN_HEAD);
    }
    chain.append(n).append(". ").append(n).append("-1-").append(100 + n).append(" 住户").append(n).append(' ')
        .append(CATALOG.get(n % CATALOG.size()).aliases().get(0)).append(n % 4 + 1).append('\n');
    return chain.toString();
  }
}

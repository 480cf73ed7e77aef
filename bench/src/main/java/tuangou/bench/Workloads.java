package tuangou.bench;

import java.util.ArrayList;
import java.util.List;
import tuangou.parser.CatalogItem;

/** Catalogs and chat text shaped like a busy evening in a real group. */
final class Workloads {
  static final List<CatalogItem> TWELVE = List.of(
      new CatalogItem(1, "blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
      new CatalogItem(2, "strawberry", "丹东99草莓", List.of("草莓"), "盒", "500g", 3990),
      new CatalogItem(3, "apple", "烟台红富士苹果", List.of("苹果", "红富士"), "斤", "", 690),
      new CatalogItem(4, "banana", "海南香蕉", List.of("香蕉"), "把", "约3斤", 1290),
      new CatalogItem(5, "grape", "阳光玫瑰葡萄", List.of("阳光玫瑰", "葡萄"), "串", "约1.5斤", 2590),
      new CatalogItem(6, "cherry", "智利车厘子", List.of("车厘子"), "盒", "J级 1kg", 5990),
      new CatalogItem(7, "egg", "农家土鸡蛋", List.of("土鸡蛋", "鸡蛋"), "板", "30枚", 2980),
      new CatalogItem(8, "tomato", "普罗旺斯西红柿", List.of("西红柿"), "斤", "", 490),
      new CatalogItem(9, "potato", "黄心土豆", List.of("土豆"), "斤", "", 250),
      new CatalogItem(10, "milk", "纯牛奶", List.of("牛奶"), "箱", "250ml*24", 5990),
      new CatalogItem(11, "orange", "赣南脐橙", List.of("脐橙"), "斤", "", 590),
      new CatalogItem(12, "passion", "广西百香果", List.of("百香果"), "箱", "5斤装", 3590));

  private static final String[] PREFIX = {"精品", "有机", "特级", "农家", "进口", "新鲜", "冷冻", "散装"};
  private static final String[] BASE = {"白菜", "萝卜", "黄瓜", "茄子", "豆腐", "大米", "面条", "饺子", "排骨",
      "鸡翅", "虾仁", "带鱼", "酸奶", "面包", "核桃", "红枣", "木耳", "香菇", "紫薯", "玉米", "橘子", "柚子",
      "芒果", "菠萝", "火龙果"};
  private static final String[] ORIGIN = {"山东", "云南", "海南", "东北", "新疆", "福建", "广西", "四川"};

  /** The twelve plus generated items up to {@code size}: a city-wide catalog. */
  static List<CatalogItem> catalog(int size) {
    List<CatalogItem> items = new ArrayList<>(TWELVE.subList(0, Math.min(size, TWELVE.size())));
    for (int i = items.size(); i < size; i++) {
      String base = BASE[i % BASE.length];
      String name = ORIGIN[(i / BASE.length) % ORIGIN.length] + PREFIX[(i / 7) % PREFIX.length] + base + (i / 200);
      items.add(new CatalogItem(i + 1, "p" + i, name, List.of(base + (i / 200)), "份", "", 100 + i));
    }
    return items;
  }

  static final String[] MENTIONS = {"苹果", "蓝莓", "平果", "香焦", "番茄", "土鸡蛋", "阳光玫瑰", "车厘子", "纯奶",
      "草梅", "脐橙", "百香果", "榴莲", "莓"};

  static final String[] NAMES = {"张三", "李四", "王芳", "赵六", "钱七", "孙八", "🌸小美", "刘叔"};

  /** One chain entry a resident would write. */
  static String entry(int i) {
    return (i % 30 + 1) + "-" + (i % 6 + 1) + "-" + (101 + i % 20) + " " + NAMES[i % NAMES.length] + i
        + " " + MENTIONS[i % 12] + (i % 5 + 1) + unit(i % 12);
  }

  static String unit(int product) {
    return switch (product) {
      case 0, 2, 4, 10 -> "斤";
      case 1, 7, 9 -> "盒";
      case 3 -> "把";
      case 5 -> "板";
      case 6 -> "串";
      default -> "箱";
    };
  }

  /** A chain of {@code entries} entries as one message. */
  static String chain(int entries) {
    StringBuilder s = new StringBuilder("#接龙 周二水果团\n明天中午12点截单 周五下午到货\n例 楼号-房号 姓名 商品数量\n\n");
    for (int i = 0; i < entries; i++) {
      s.append(i + 1).append(". ").append(entry(i)).append('\n');
    }
    return s.toString();
  }

  /** A free-form order message. */
  static String freeText(int i) {
    return switch (i % 4) {
      case 0 -> MENTIONS[i % 12] + "+" + (i % 3 + 1);
      case 1 -> "我要" + (i % 4 + 1) + unit(i % 12) + MENTIONS[i % 12];
      case 2 -> MENTIONS[i % 12] + " x" + (i % 3 + 1);
      default -> (i % 12 + 1) + "号 " + (i % 2 + 1) + "份";
    };
  }

  private Workloads() {}
}

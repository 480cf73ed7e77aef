package tuangou.bot.replay.roundtrip;

import java.util.List;
import java.util.Map;
import tuangou.parser.CatalogItem;

/**
 * Three catalogs of the round-trip generator, made up here and none of the corpus ones: vegetables
 * and meat by the 斤, 块, 袋 and 盒; fruit by the 斤, 把 and 盒; household goods by the 提, 块, 瓶, 卷,
 * 箱 and 桶. Each item has the words residents use for it: an alias, a synonym from the shipped
 * dictionary where one reaches only this item, and a pinyin homophone typo.
 */
final class RoundTripCatalogs {
  /** How residents name one item, besides its full name; {@code synonym} is empty when none fits. */
  record Words(String alias, String synonym, String typo) {}

  /** A catalog of the generator: its items and the words for each, by item id. */
  record Catalog(String name, String header, List<CatalogItem> items, Map<String, Words> words) {
    Words wordsOf(CatalogItem item) {
      return words.get(item.id());
    }
  }

  static final Catalog VEGETABLES_AND_MEAT = new Catalog("vegetables-and-meat", "周三蔬菜鲜肉团",
      List.of(
          new CatalogItem(1, "pork_belly", "精品五花肉", List.of("五花肉", "五花"), "斤", "", 1980),
          new CatalogItem(2, "ribs", "猪肋排", List.of("排骨", "肋排"), "斤", "", 3280),
          new CatalogItem(3, "tomato", "普罗旺斯西红柿", List.of("西红柿"), "斤", "", 450),
          new CatalogItem(4, "potato", "黄心土豆", List.of("土豆"), "斤", "", 250),
          new CatalogItem(5, "tofu", "卤水老豆腐", List.of("老豆腐", "豆腐"), "块", "约400g", 350),
          new CatalogItem(6, "enoki", "金针菇", List.of(), "袋", "200g", 290),
          new CatalogItem(7, "egg", "散养土鸡蛋", List.of("土鸡蛋", "鸡蛋"), "盒", "10枚", 1590)),
      Map.of(
          "pork_belly", new Words("五花肉", "三层肉", "五化肉"),
          "ribs", new Words("排骨", "猪排", "牌骨"),
          "tomato", new Words("西红柿", "番茄", "西红市"),
          "potato", new Words("土豆", "马铃薯", "土逗"),
          "tofu", new Words("豆腐", "水豆腐", "豆府"),
          "enoki", new Words("金针菇", "金菇", "金针姑"),
          "egg", new Words("鸡蛋", "柴鸡蛋", "鸡旦")));

  static final Catalog FRUIT = new Catalog("fruit", "周四水果团",
      List.of(
          new CatalogItem(1, "apple", "烟台红富士苹果", List.of("苹果", "红富士"), "斤", "", 690),
          new CatalogItem(2, "banana", "海南香蕉", List.of("香蕉"), "把", "约3斤", 1290),
          new CatalogItem(3, "blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
          new CatalogItem(4, "kiwi", "徐香猕猴桃", List.of("猕猴桃"), "盒", "12个装", 2590),
          new CatalogItem(5, "navel_orange", "赣南脐橙", List.of("脐橙", "橙子"), "斤", "", 590),
          new CatalogItem(6, "cherry", "智利车厘子", List.of("车厘子"), "盒", "2斤装", 8990)),
      Map.of(
          "apple", new Words("苹果", "红富士", "平果"),
          "banana", new Words("香蕉", "芭蕉", "香焦"),
          "blueberry", new Words("蓝莓", "蓝梅", "兰莓"),
          "kiwi", new Words("猕猴桃", "奇异果", "迷猴桃"),
          "navel_orange", new Words("脐橙", "甜橙", "齐橙"),
          "cherry", new Words("车厘子", "樱桃", "车里子")));

  static final Catalog HOUSEHOLD = new Catalog("household", "日用品拼团",
      List.of(
          new CatalogItem(1, "tissue", "清风抽纸", List.of("抽纸"), "提", "3层100抽*6包", 1590),
          new CatalogItem(2, "sulfur_soap", "上海硫磺皂", List.of("硫磺皂", "香皂"), "块", "85g", 450),
          new CatalogItem(3, "dish_soap", "白猫洗洁精", List.of("洗洁精"), "瓶", "1.5kg", 1290),
          new CatalogItem(4, "bin_bags", "加厚垃圾袋", List.of("垃圾袋"), "卷", "30只", 590),
          new CatalogItem(5, "milk", "特仑苏纯牛奶", List.of("纯牛奶", "牛奶"), "箱", "250ml*12", 6590),
          new CatalogItem(6, "peanut_oil", "鲁花花生油", List.of("花生油"), "桶", "5L", 15990)),
      Map.of(
          "tissue", new Words("抽纸", "面巾纸", "抽只"),
          "sulfur_soap", new Words("香皂", "", "香造"),
          "dish_soap", new Words("洗洁精", "", "洗洁晶"),
          "bin_bags", new Words("垃圾袋", "", "拉圾袋"),
          "milk", new Words("牛奶", "鲜奶", "牛乃"),
          "peanut_oil", new Words("花生油", "花生食用油", "花升油")));

  static final List<Catalog> ALL = List.of(VEGETABLES_AND_MEAT, FRUIT, HOUSEHOLD);

  private RoundTripCatalogs() {}
}

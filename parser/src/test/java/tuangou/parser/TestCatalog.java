package tuangou.parser;

import java.util.List;

/** The catalog of the shared corpus: twelve items of a typical fruit-and-vegetable day. */
public final class TestCatalog {
  private TestCatalog() {}

  public static final List<CatalogItem> ITEMS = List.of(
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
}

package tuangou.parser.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.CatalogItem;
import tuangou.parser.TestCatalog;

class ProductIndexTest {
  private static final ProductIndex INDEX = ProductIndex.of(TestCatalog.ITEMS);

  private static String matched(MatchResult r) {
    if (r instanceof MatchResult.Matched m) {
      return m.item().id();
    }
    MatchResult.Unmatched u = (MatchResult.Unmatched) r;
    return u.reason().name().toLowerCase() + (u.reason() == MatchResult.Reason.AMBIGUOUS
        ? ":" + String.join(",", u.candidates().stream().map(CatalogItem::id).sorted().toList()) : "");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "蓝莓, blueberry",
      "云南蓝莓, blueberry",
      "草莓, strawberry",
      "99草莓, strawberry",
      "苹果, apple",
      "红富士, apple",
      "烟台苹果, apple",
      "葡萄, grape",
      "阳光玫瑰, grape",
      "鸡蛋, egg",
      "土鸡蛋, egg",
      "蛋, egg",
      "牛奶, milk",
      "张三苹果, apple",
      "新鲜的苹果, apple",
      "蘋果, apple",
  })
  void namesAndAliasesMatch(String mention, String item) {
    assertThat(matched(INDEX.match(mention, ""))).isEqualTo(item);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "番茄, tomato",
      "马铃薯, potato",
      "洋芋, potato",
      "樱桃, cherry",
      "橙子, orange",
      "纯奶, milk",
  })
  void shippedSynonymsMatch(String mention, String item) {
    assertThat(matched(INDEX.match(mention, ""))).isEqualTo(item);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "平果, apple",
      "香焦, banana",
      "草梅, strawberry",
      "兰莓, blueberry",
      "车里子, cherry",
      "百香锅, passion",
  })
  void homophoneTyposMatch(String mention, String item) {
    assertThat(matched(INDEX.match(mention, ""))).isEqualTo(item);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "莓, 'ambiguous:blueberry,strawberry'",
      "榴莲, unknown",
      "猪肉, unknown",
      "李梅, unknown",
      "好的, unknown",
  })
  void weakOrSplitMatchesAreNotGuessed(String mention, String result) {
    assertThat(matched(INDEX.match(mention, ""))).isEqualTo(result);
  }

  @Test
  void specWordsBreakTies() {
    List<CatalogItem> items = List.of(
        new CatalogItem(1, "bb-small", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
        new CatalogItem(2, "bb-big", "云南蓝莓", List.of("蓝莓"), "盒", "500g", 6990));
    ProductIndex index = ProductIndex.of(items);
    assertThat(matched(index.match("蓝莓", ""))).startsWith("ambiguous");
    assertThat(matched(index.match("蓝莓", "500g"))).isEqualTo("bb-big");
  }

  @Test
  void operatorSynonymsExtendTheDictionary() throws Exception {
    ProductIndex index = ProductIndex.of(TestCatalog.ITEMS, Synonyms.shipped().plus(new StringReader("蓝莓,蓝梅子\n")));
    assertThat(matched(index.match("蓝梅子", ""))).isEqualTo("blueberry");
  }

  @Test
  void dealNumbersFindTheirItem() {
    assertThat(INDEX.byDealNo(5)).map(CatalogItem::id).contains("grape");
    assertThat(INDEX.byDealNo(99)).isEmpty();
  }

  @Test
  void findAllReadsSeveralProductsWrittenTogether() {
    assertThat(INDEX.findAll("蓝莓草莓")).extracting(CatalogItem::id).containsExactly("blueberry", "strawberry");
    assertThat(INDEX.findAll("阳光玫瑰葡萄 25.9元一串")).extracting(CatalogItem::id).containsExactly("grape");
    assertThat(INDEX.findAll("明天12点截单")).isEmpty();
  }

  @Test
  void manyItemsStillMatchTheRightOne() {
    List<CatalogItem> many = new java.util.ArrayList<>(TestCatalog.ITEMS);
    for (int i = 0; i < 2000; i++) {
      many.add(new CatalogItem(100 + i, "x" + i, "测试商品" + i + "号", List.of(), "个", "", 100));
    }
    ProductIndex index = ProductIndex.of(many);
    assertThat(matched(index.match("平果", ""))).isEqualTo("apple");
    assertThat(matched(index.match("测试商品1234号", ""))).isEqualTo("x1234");
  }

  private static CatalogItem item(int no, String id, String name, String... aliases) {
    return new CatalogItem(no, id, name, List.of(aliases), "份", "", 100);
  }

  private static final ProductIndex SMALL = ProductIndex.of(List.of(
      item(1, "apple", "烟台苹果", "苹果"), item(2, "blueberry", "云南蓝莓", "蓝莓")));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "草莓, unknown",
      "树莓, unknown",
      "黑莓, unknown",
      "杨梅, unknown",
      "兰莓, blueberry",
      "蓝梅, blueberry",
      "平果, apple",
      "山东苹果, apple",
      "新鲜蓝莓, blueberry",
      "张三蓝莓, blueberry",
  })
  void aProductSharingOneCharacterWithAnItemIsAnotherProduct(String mention, String result) {
    assertThat(matched(SMALL.match(mention, ""))).isEqualTo(result);
  }

  @ParameterizedTest(name = "{0} with {1} -> {2}")
  @CsvSource({
      "牛肉, 纯牛奶, unknown",
      "牛奶, 五香牛肉, unknown",
      "鸡腿, 农家土鸡蛋, unknown",
      "鸡蛋, 鸡蛋面, unknown",
      "橙子, 鲜榨橙汁, unknown",
      "橙汁, 赣南脐橙, unknown",
      "紫薯, 红薯, unknown",
      "红椒, 青椒, unknown",
      "小米, 东北大米, unknown",
      "鸭蛋, 土鸡蛋, unknown",
      "芋头, 鱼头, unknown",
      "梨子, 板栗子, unknown",
      "鸡肉, 鸡蛋, unknown",
      "鸡蛋, 农家土鸡蛋, x",
      "水较, 猪肉白菜水饺, x",
      "香焦, 海南香蕉, x",
      "草梅, 丹东草莓, x",
      "兰莓, 云南蓝莓, x",
      "士多啤梨, 丹东草莓, x",
      "番茄, 西红柿, x",
      "五花, 黑猪五花肉, x",
      "红富士, 烟台红富士苹果, x",
      "阳光玫瑰, 阳光玫瑰葡萄, x",
  })
  void oneItemOnSaleIsOrderedOnlyWhenTheMentionNamesIt(String mention, String name, String result) {
    ProductIndex index = ProductIndex.of(List.of(item(1, "x", name)));
    assertThat(matched(index.match(mention, ""))).isEqualTo(result);
  }

  @ParameterizedTest(name = "{0} with {1} and {2}")
  @CsvSource({
      "猪肉, 黑猪五花肉, 黑猪肋排",
      "牛肉, 牛腩, 原切牛排",
      "苹果, 红富士苹果, 青苹果",
      "葡萄, 阳光玫瑰葡萄, 巨峰葡萄",
      "蛋, 土鸡蛋, 咸鸭蛋",
      "鸡肉, 鸡腿, 鸡翅中",
  })
  void aWordThatIsACategoryOfTwoItemsIsAsked(String mention, String first, String second) {
    ProductIndex index = ProductIndex.of(List.of(item(1, "a", first), item(2, "b", second)));
    assertThat(matched(index.match(mention, ""))).isEqualTo("ambiguous:a,b");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "鸡蛋, c",
      "五花肉, a",
      "肋排, b",
      "排骨, b",
  })
  void aWordOfOneItemOnlyIsNotACategory(String mention, String result) {
    ProductIndex index = ProductIndex.of(List.of(item(1, "a", "黑猪五花肉"), item(2, "b", "黑猪肋排"),
        item(3, "c", "农家土鸡蛋"), item(4, "d", "鸡蛋挂面")));
    assertThat(matched(index.match(mention, ""))).isEqualTo(result);
  }
}

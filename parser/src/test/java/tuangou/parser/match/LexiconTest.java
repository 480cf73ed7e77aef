package tuangou.parser.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.parser.CatalogItem;
import tuangou.parser.TestCatalog;

class LexiconTest {
  private static final Lexicon LEXICON = ProductIndex.of(TestCatalog.ITEMS).lexicon();

  private static List<String> found(String text) {
    return LEXICON.spans(text).stream()
        .map(s -> text.substring(s.start(), s.end()) + "=" + String.join("/", s.items().stream().map(CatalogItem::id).toList()))
        .toList();
  }

  @Test
  void itemNamesAreFoundInsideRunningText() {
    assertThat(found("团长给我来两斤苹果谢谢")).containsExactly("苹果=apple");
    assertThat(found("3-1-201张姐 蓝莓2盒，草莓1盒")).containsExactly("蓝莓=blueberry", "草莓=strawberry");
  }

  @Test
  void theLongestNameWinsWhereNamesOverlap() {
    assertThat(found("农家土鸡蛋1板")).containsExactly("农家土鸡蛋=egg");
    assertThat(found("阳光玫瑰2串")).containsExactly("阳光玫瑰=grape");
  }

  @Test
  void homophoneTyposAreFoundByPinyin() {
    assertThat(found("平果2斤 香焦1把")).containsExactly("平果=apple", "香焦=banana");
  }

  @Test
  void wordsThatSoundAlikeButShareNoCharacterAreNotNames() {
    assertThat(found("评过")).isEmpty();
  }

  @Test
  void labelsAndChatterNameNothing() {
    assertThat(found("3-1-201 小美 谢谢团长🙏")).isEmpty();
  }

  @Test
  void anExactAliasOutranksASynonymOfAnotherItem() {
    List<CatalogItem> items = List.of(
        new CatalogItem(1, "egg", "农家土鸡蛋", List.of("鸡蛋"), "板", "", 100),
        new CatalogItem(2, "noodles", "手工鸡蛋面", List.of("鸡蛋面"), "包", "", 100));
    Lexicon lexicon = ProductIndex.of(items).lexicon();
    assertThat(lexicon.spans("鸡蛋2板")).singleElement().satisfies(s -> assertThat(s.items()).extracting(CatalogItem::id)
        .containsExactly("egg"));
    assertThat(ProductIndex.of(items).match("鸡蛋", "")).isInstanceOf(MatchResult.Matched.class);
  }
}

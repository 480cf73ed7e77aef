package tuangou.parser.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.CatalogItem;
import tuangou.parser.TestCatalog;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.text.TextNormalizer;

class MentionResolverTest {
  private static final MentionResolver RESOLVER = new MentionResolver(ProductIndex.of(TestCatalog.ITEMS));

  private static Resolution resolve(String text, Optional<CatalogItem> chainProduct) {
    return RESOLVER.resolve(EntryParser.parse(TextNormalizer.normalize(text)), chainProduct);
  }

  private static String render(Resolution r) {
    String lines = r.lines().stream()
        .map(l -> l.item().id() + "=" + l.qty().stripTrailingZeros().toPlainString()
            + (l.note().isEmpty() ? "" : "(" + l.note() + ")"))
        .collect(Collectors.joining(" "));
    String unresolved = r.unresolved().stream().map(UnresolvedMention::reasonText).collect(Collectors.joining(" "));
    return (lines + (unresolved.isEmpty() ? "" : " !" + unresolved)).trim();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "苹果2斤 § apple=2",
      "苹果1公斤 § apple=2",
      "苹果1kg § apple=2",
      "苹果500克 § apple=1",
      "苹果250g § apple=0.5",
      "苹果3两 § apple=0.3",
      "苹果两斤半 § apple=2.5",
      "西红柿半斤 § tomato=0.5",
      "苹果 § apple=1",
      "苹果2份 § apple=2",
      "香蕉1把 § banana=1",
      "苹果3个 § !unit: 个 (apple is sold by 斤)",
      "蓝莓1斤 § !unit: 斤 (blueberry is sold by 盒)",
      "车厘子1kg § cherry=1",
      "车厘子1kg 2盒 § cherry=2",
      "牛奶250ml*24 1箱 § milk=1",
      "百香果5斤装 § passion=1",
      "蓝莓草莓各1盒 § blueberry=1 strawberry=1",
      "蓝莓、草莓各2盒 § blueberry=2 strawberry=2",
      "5号 2串 § grape=2",
      "3号×2 § apple=2",
      "#1 2份 § blueberry=2",
      "99号 1份 § !unknown",
      "葡萄1串 不要太熟 § grape=1(不要太熟)",
      "苹果2斤 香蕉 § apple=2 banana=1",
      "莓 1 § !ambiguous: blueberry, strawberry",
      "榴莲1个 § !unknown",
      "苹果2斤 榴莲1个 § apple=2 !unknown",
  })
  void resolvesQuantitiesIntoTheItemsUnit(String text, String expected) {
    assertThat(render(resolve(text, Optional.empty()))).isEqualTo(expected);
  }

  @Test
  void oneProductChainFillsInTheProductAndKeepsTheName() {
    CatalogItem grape = TestCatalog.ITEMS.get(4);
    Resolution r = resolve("张三 2", Optional.of(grape));
    assertThat(render(r)).isEqualTo("grape=2");
    assertThat(r.label()).isEqualTo("张三");
    Resolution bare = resolve("3-1-201 王五", Optional.of(grape));
    assertThat(render(bare)).isEqualTo("grape=1");
    assertThat(bare.label()).isEqualTo("3-1-201 王五");
  }

  @Test
  void namedProductWinsInAOneProductChain() {
    Resolution r = resolve("张三 苹果2斤", Optional.of(TestCatalog.ITEMS.get(4)));
    assertThat(render(r)).isEqualTo("apple=2");
  }

  @Test
  void aProductNotOnSaleIsNotALabelInAOneProductChain() {
    CatalogItem blueberry = new CatalogItem(1, "blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990);
    MentionResolver resolver = new MentionResolver(ProductIndex.of(List.of(blueberry)));
    for (String entry : List.of("5-302 赵 草莓1盒", "6-101 钱 树莓 3", "张三 杨梅2盒")) {
      Resolution r = resolver.resolve(EntryParser.parse(TextNormalizer.normalize(entry)), Optional.of(blueberry));
      assertThat(r.lines()).as(entry).isEmpty();
      assertThat(r.unresolved()).as(entry).hasSize(1);
    }
    Resolution named = resolver.resolve(EntryParser.parse("李梅 2"), Optional.of(blueberry));
    assertThat(named.lines()).extracting(l -> l.item().id()).containsExactly("blueberry");
  }

  @Test
  void dealNumberAndNameMustAgree() {
    assertThat(render(resolve("3号苹果2斤", Optional.empty()))).isEqualTo("apple=2");
    assertThat(render(resolve("5号 苹果2斤", Optional.empty()))).startsWith("!ambiguous");
  }
}

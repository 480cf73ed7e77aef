package tuangou.parser.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.CatalogItem;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.text.TextNormalizer;

/** A weight for an item sold by the piece is the spec only when the spec states it, not a part of it. */
class WeightsBesideASpecTest {
  private static final MentionResolver RESOLVER = new MentionResolver(ProductIndex.of(List.of(
      new CatalogItem(1, "luyu", "鲈鱼", List.of("海鲈鱼"), "条", "约1.2斤/条", 2600),
      new CatalogItem(2, "chicken", "三黄鸡", List.of("走地鸡"), "只", "约2.5斤/只", 4500),
      new CatalogItem(3, "cherry", "智利车厘子", List.of("车厘子"), "盒", "J级 1kg", 5990),
      new CatalogItem(4, "tomato", "西红柿", List.of("番茄"), "斤", "", 450))));

  private static String resolve(String text) {
    Resolution r = RESOLVER.resolve(EntryParser.parse(TextNormalizer.normalize(text)), Optional.empty());
    String lines = r.lines().stream().map(l -> l.item().id() + "=" + l.qty().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(" "));
    String unresolved = r.unresolved().stream().map(UnresolvedMention::reasonText).collect(Collectors.joining(" "));
    return (lines + (unresolved.isEmpty() ? "" : " !" + unresolved)).trim();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "鲈鱼2斤 § !unit: 斤 (luyu is sold by 条)",
      "三黄鸡5斤 § !unit: 斤 (chicken is sold by 只)",
      "车厘子1kg § cherry=1",
      "鲈鱼1条 § luyu=1",
      "番茄要2-3斤 § !unit: 2-3斤 (tomato is sold by 斤)",
  })
  void weightsInsideASpecAreAsked(String text, String expected) {
    assertThat(resolve(text)).isEqualTo(expected);
  }
}

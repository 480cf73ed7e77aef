package tuangou.parser.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.CatalogItem;
import tuangou.parser.match.Lexicon;
import tuangou.parser.match.ProductIndex;

/** Cancels said politely or colloquially cancel; 一下 after the verb is no amount. */
class CancelWordingTest {
  private static final Lexicon LEXICON = ProductIndex.of(List.of(
      new CatalogItem(1, "potato", "土豆", List.of("马铃薯"), "斤", "", 230),
      new CatalogItem(2, "tomato", "西红柿", List.of("番茄"), "斤", "", 450),
      new CatalogItem(3, "ginger", "生姜", List.of("老姜", "姜"), "斤", "", 880),
      new CatalogItem(4, "corn", "甜玉米", List.of("玉米"), "根", "", 350),
      new CatalogItem(5, "scallion", "小香葱", List.of("小葱", "香葱"), "把", "", 200),
      new CatalogItem(6, "coriander", "香菜", List.of("芫荽"), "把", "", 250),
      new CatalogItem(7, "chives", "韭菜", List.of(), "把", "", 300),
      new CatalogItem(8, "spinach", "菠菜", List.of(), "斤", "", 380))).lexicon();
  private final MessageInterpreter interpreter = MessageInterpreter.create();

  private String read(String text) {
    Interpretation in = interpreter.interpret(text, LEXICON);
    if (!(in instanceof Interpretation.OrderText o)) {
      return in.getClass().getSimpleName();
    }
    if (o.intents().stream().distinct().count() > 1) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      for (int k = 0; k < o.entries().size(); k++) {
        parts.add(o.intents().get(k).name().toLowerCase() + ":" + String.join(",", o.entries().get(k).mentions().stream()
            .map(m -> m.product() + (m.hasExplicitAmount() ? "=" + m.quantity().amount().stripTrailingZeros().toPlainString() : ""))
            .toList()));
      }
      return String.join(" ", parts);
    }
    return o.intent().name().toLowerCase() + ":" + String.join(",", o.entries().stream()
        .flatMap(e -> e.mentions().stream())
        .map(m -> m.product() + (m.hasExplicitAmount() ? "=" + m.quantity().amount().stripTrailingZeros().toPlainString() : ""))
        .toList());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "麻烦帮我把土豆取消一下，谢谢 § cancel:土豆",
      "番茄取消一下哈 § cancel:番茄",
      "番茄帮我撤了吧 § cancel:番茄",
      "玉米去掉吧 § cancel:玉米",
      "姜先不要了哈 § cancel:姜",
      "不要姜了 § cancel:姜",
      "帮我取消一下 § cancel:",
      "玉米不用了 § cancel:玉米",
      "取消一下土豆 § cancel:土豆",
      "帮我取消一下番茄 § cancel:番茄",
      "玉米帮忙取消下 § cancel:玉米",
      "番茄取消掉吧 § cancel:番茄",
      "姜1斤 § order:姜=1",
  })
  void politeAndColloquialCancelsCancel(String text, String expected) {
    assertThat(read(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "韭菜一把 香葱两把 香菜不要 § order:韭菜=1 order:香葱=2 cancel:香菜",
      "土豆2斤 小葱不要了 香菜1把 § order:土豆=2 cancel:小葱 order:香菜=1",
      "土豆2斤 香菜 不要 § order:土豆=2 cancel:香菜",
      "番茄不要了 换成菠菜2斤 § swap:番茄,菠菜=2",
      "土豆2斤 芒果不用了 § order:土豆=2",
      "土豆2斤 不要香菜 § order:土豆=2 cancel:香菜",
      "番茄2斤 不要太熟的 § order:番茄=2",
  })
  void aCancelAmongOrdersCancelsOnlyItsItem(String text, String expected) {
    assertThat(read(text)).isEqualTo(expected);
  }
}

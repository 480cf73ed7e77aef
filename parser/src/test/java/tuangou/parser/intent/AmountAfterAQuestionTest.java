package tuangou.parser.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.TestCatalog;
import tuangou.parser.match.Lexicon;
import tuangou.parser.match.ProductIndex;

/** An amount right after a question about an item orders that item, even beside another item's order. */
class AmountAfterAQuestionTest {
  private static final Lexicon LEXICON = ProductIndex.of(TestCatalog.ITEMS).lexicon();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "苹果2斤 蓝莓19块9一盒是吧 来2盒 § 苹果2斤 蓝莓 来2盒",
      "有蓝莓吗 要两盒 § 蓝莓 要两盒",
      "苹果2斤 蓝莓好吃吗 § 苹果2斤",
  })
  void anAmountAfterAQuestionIsForItsItem(String text, String expected) {
    assertThat(Intents.judge(text, LEXICON).orderText()).isEqualTo(expected);
  }
}

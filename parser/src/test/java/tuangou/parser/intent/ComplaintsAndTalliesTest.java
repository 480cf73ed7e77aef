package tuangou.parser.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.TestCatalog;
import tuangou.parser.match.Lexicon;
import tuangou.parser.match.ProductIndex;

/** Short by an amount is after-sales even with no time word; a tally is told by its heading or totals. */
class ComplaintsAndTalliesTest {
  private static final Lexicon LEXICON = ProductIndex.of(TestCatalog.ITEMS).lexicon();

  private static String verdict(String text) {
    Intents.Verdict v = Intents.judge(text, LEXICON);
    return v.nonOrder() != null ? v.nonOrder().name() : "order: " + v.orderText();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "蓝莓少了一盒 § AFTER_SALES",
      "蓝莓少了一盒 团长帮我查下 § AFTER_SALES",
      "鸡蛋缺了两个 § AFTER_SALES",
      "牛奶漏了 § AFTER_SALES",
      "蓝莓少要一盒 § order: 蓝莓少要一盒",
      "冻品截单前最后统计:蓝莓共12盒 苹果8斤 牛奶5箱 § LEADER_NOTE",
      "最后统计:蓝莓8盒 苹果5斤 § LEADER_NOTE",
      "最后统计:蓝莓8盒 § LEADER_NOTE",
      "目前:蓝莓8盒 苹果5斤 § LEADER_NOTE",
      "目前先要蓝莓2盒 苹果1斤 § order: 目前先要蓝莓2盒 苹果1斤",
      "目前蓝莓2盒 苹果1斤 § order: 目前蓝莓2盒 苹果1斤",
      "统计一下我的 蓝莓2盒 § order: 统计一下我的 蓝莓2盒",
      "已有:蓝莓8盒 苹果5斤 § LEADER_NOTE",
      "蓝莓共12盒 苹果8斤 § LEADER_NOTE",
      "帮3-201王姐 蓝莓2盒 苹果1斤 § order: 帮3-201王姐 蓝莓2盒 苹果1斤",
      "最后统计一下 蓝莓要2盒 § order: 最后统计一下 蓝莓要2盒",
  })
  void shortDeliveriesAndTalliesAreNotOrders(String text, String expected) {
    assertThat(verdict(text)).isEqualTo(expected);
  }
}

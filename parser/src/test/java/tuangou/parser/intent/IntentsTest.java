package tuangou.parser.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.TestCatalog;
import tuangou.parser.match.Lexicon;
import tuangou.parser.match.ProductIndex;

class IntentsTest {
  private static final Lexicon LEXICON = ProductIndex.of(TestCatalog.ITEMS).lexicon();

  private static String verdict(String text) {
    Intents.Verdict v = Intents.judge(text, LEXICON);
    return v.nonOrder() != null ? v.nonOrder().name() : "order: " + v.orderText();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "上次的苹果坏了两个 § AFTER_SALES",
      "昨天的蓝莓少了一盒 § AFTER_SALES",
      "牛奶过期了能退吗 § AFTER_SALES",
      "我昨天的鸡蛋没收到 § AFTER_SALES",
      "我的苹果记上了没 § OWN_ORDER_QUESTION",
      "团长我苹果接上了吧? 5斤哈 § OWN_ORDER_QUESTION",
      "苹果甜不甜? § PRODUCT_QUESTION",
      "草莓一盒多少钱啊 § PRODUCT_QUESTION",
      "上次买的葡萄很甜 § STORY",
      "收到@小美 苹果2斤 已记上 § LEADER_NOTE",
      "目前统计:苹果5斤,蓝莓3盒 § LEADER_NOTE",
      "有蓝莓吗 要两盒 § order: 蓝莓 要两盒",
      "有蓝莓吗? 蓝莓要两盒 § order: 蓝莓要两盒",
      "如果草莓还有的话,要一盒,没有就算了 § order: 如果草莓还有的话,要一盒,",
      "上次馄饨破了好几个 这次苹果要2斤 § order: 这次苹果要2斤",
      "上次的苹果挺好吃的,这次再来两斤 § order: 苹果 这次再来两斤",
      "之前买过2盒蓝莓,这次要3盒 § order: 蓝莓 这次要3盒",
      "土豆买2斤够吃吗 § PRODUCT_QUESTION",
      "鸡蛋一盒有多少个啊 § PRODUCT_QUESTION",
      "有没有苹果要2斤 § order: 有没有苹果要2斤",
      "我的土豆 1斤记上了没 § OWN_ORDER_QUESTION",
      "有没有苹果要2斤 § order: 有没有苹果要2斤",
  })
  void intentsAreDecidedInTheStatedPrecedence(String text, String expected) {
    assertThat(verdict(text)).isEqualTo(expected);
  }
}

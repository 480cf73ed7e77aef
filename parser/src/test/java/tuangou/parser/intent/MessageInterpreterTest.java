package tuangou.parser.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tuangou.parser.command.Command;
import tuangou.parser.intent.Interpretation.Chatter;

class MessageInterpreterTest {
  private final MessageInterpreter interpreter = MessageInterpreter.create();

  private String kind(String text) {
    Interpretation in = interpreter.interpret(text);
    if (in instanceof Chatter c) {
      return "chatter:" + c.kind().name().toLowerCase();
    }
    if (in instanceof Interpretation.OrderText o) {
      return o.intent().name().toLowerCase();
    }
    if (in instanceof Interpretation.CommandText c) {
      return "command:" + c.command().getClass().getSimpleName();
    }
    return "chain";
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "今天几点到货？ § chatter:question",
      "苹果甜不甜？ § chatter:question",
      "苹果多少钱一斤? § chatter:question",
      "还有草莓吗 § chatter:question",
      "收到 § chatter:other",
      "好的谢谢团长👍 § chatter:other",
      "[图片] § chatter:media",
      "[动画表情] § chatter:media",
      "'  ' § chatter:empty",
      "云南蓝莓 19.9元/盒 § chatter:price_list",
      "1. 云南蓝莓 19.9元/盒\\n2. 丹东草莓 39.9元/盒 § chatter:price_list",
      "蓝莓 19.9一盒，草莓 39.9一盒，五花 25.9一斤，要的接龙 § chatter:price_list",
      "今天的苹果 8/斤 § chatter:price_list",
      "草莓 39.9每盒 § chatter:price_list",
      "蓝莓一盒 § order",
      "吐司2袋还没吃完 § chatter:story",
      "玉米好甜 我一口气吃了2根 § chatter:story",
      "家里苹果还剩2斤 § chatter:story",
      "吃完了再来2斤苹果 § order",
      "明天中午12点截单 § chatter:other",
      "鸡蛋1板 § order",
      "蓝莓+1 § order",
      "我要两斤苹果 § order",
      "我要蓝莓 § order",
      "5号 2串 § order",
      "草莓x3 § order",
      "榴莲1个 § order",
      "蓝莓2盒 共39.8元 § order",
      "蓝莓再加一盒 § order",
      "取消香蕉 § cancel",
      "草莓不要了 § cancel",
      "苹果不要了 § cancel",
      "取消订单 § cancel",
      "都不要了 § cancel",
      "香蕉改成3把 § change",
      "苹果改2斤 § change",
      "我的订单 § command:MyOrders",
      "查单 § command:MyOrders",
      "取货码 § command:PickupCode",
      "帮助 § command:Help",
      "/help § command:Help",
      "汇总 § command:Summary",
      "/汇总 § command:Summary",
      "截单 § command:Cutoff",
      "到货 § command:Arrival",
      "未取 § command:Unpicked",
      "核销 123456 § command:Verify",
      "佣金 § command:Commission",
      "@团购助手 汇总 § command:Summary",
      "#接龙\\n1. 张三 苹果2斤 § chain",
      "#接龍\\n1. 張三 蘋果2斤 § chain",
  })
  void classifiesMessages(String text, String expected) {
    assertThat(kind(text.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"到货了吗", "汇总一下苹果", "截单了吗?"})
  void commandWordsInsideSentencesAreNotCommands(String text) {
    assertThat(kind(text)).doesNotStartWith("command");
  }

  @Test
  void verifyCarriesItsTarget() {
    Interpretation in = interpreter.interpret("核销 3-1-201 张三");
    assertThat(in).isEqualTo(new Interpretation.CommandText(new Command.Verify("3-1-201 张三")));
  }

  @Test
  void lastMonthCommission() {
    assertThat(interpreter.interpret("佣金 上月"))
        .isEqualTo(new Interpretation.CommandText(new Command.Commission(true)));
  }

  @Test
  void leadersPriceLinesInAChainAreNotEntries() {
    Interpretation in = interpreter.interpret("#接龙 今日团品\n1. 云南蓝莓 19.9元/盒\\n2. 3-1-201 张三 蓝莓2盒");
    assertThat(in).isInstanceOf(Interpretation.ChainPost.class);
    assertThat(((Interpretation.ChainPost) in).snapshot().entries()).hasSize(1);
  }

  @Test
  void cancelWithoutObjectCancelsEverything() {
    Interpretation in = interpreter.interpret("取消订单");
    assertThat(in).isEqualTo(new Interpretation.OrderText(Interpretation.Intent.CANCEL, java.util.List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"我不要了", "我的都不要了", "全部取消", "我都不要了"})
  void cancellingOneselfCancelsEverything(String text) {
    assertThat(interpreter.interpret(text))
        .isEqualTo(new Interpretation.OrderText(Interpretation.Intent.CANCEL, java.util.List.of()));
  }

  @Test
  void multiLineFreeTextOrdersEveryLine() {
    Interpretation in = interpreter.interpret("苹果2斤\n香蕉1把");
    assertThat(((Interpretation.OrderText) in).entries()).hasSize(2);
  }
}

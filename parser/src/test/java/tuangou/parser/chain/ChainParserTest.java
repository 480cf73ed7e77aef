package tuangou.parser.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tuangou.parser.text.TextNormalizer;

class ChainParserTest {
  private final ChainParser parser = ChainParser.create();

  private ChainSnapshot parse(String text) {
    return parser.parse(TextNormalizer.normalize(text)).orElseThrow();
  }

  private static List<String> texts(ChainSnapshot s) {
    return s.entries().stream().map(ChainEntry::text).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#接龙", "#接龍", "#Group Note", "＃接龙 周二水果团", "【接龙】周二水果"})
  void recognisesHeaders(String header) {
    ChainSnapshot s = parse(header + "\n明天12点截单\n1. 张三 苹果2斤");
    assertThat(texts(s)).containsExactly("张三 苹果2斤");
    assertThat(s.description()).containsExactly("明天12点截单");
  }

  @Test
  void everyNumberingStyleIsAnEntry() {
    ChainSnapshot s = parse("#接龙\n1. 张三 苹果2斤\n2、李四 香蕉1把\n3) 王五 葡萄1串\n４．赵六 蓝莓1盒\n5）钱七 草莓1盒");
    assertThat(texts(s)).containsExactly("张三 苹果2斤", "李四 香蕉1把", "王五 葡萄1串", "赵六 蓝莓1盒", "钱七 草莓1盒");
    assertThat(s.entries()).extracting(ChainEntry::number).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void flattenedChainSplitsOnlyAtTheNextNumber() {
    ChainSnapshot s = parse("#接龙 苹果 1. 张三 2.5斤 2. 李四 3斤 3. 王五 1斤");
    assertThat(s.header()).isEqualTo("#接龙 苹果");
    assertThat(texts(s)).containsExactly("张三 2.5斤", "李四 3斤", "王五 1斤");
  }

  @Test
  void wrappedEntryJoinsItsLines() {
    ChainSnapshot s = parse("#接龙\n1. 张三 苹果2斤\n香蕉1把\n2. 李四 葡萄1串");
    assertThat(texts(s)).containsExactly("张三 苹果2斤 香蕉1把", "李四 葡萄1串");
  }

  @Test
  void exampleAndTemplateRowsAreNotEntries() {
    ChainSnapshot s = parse("#接龙\n明天中午12点截单\n例 楼号-房号 姓名 商品数量\n\n1. 楼号-房号 姓名 商品数量\n2. 3-1-201 张三 苹果2斤");
    assertThat(texts(s)).containsExactly("3-1-201 张三 苹果2斤");
    assertThat(s.description()).containsExactly("明天中午12点截单");
  }

  @Test
  void bareExampleBlockCoversItsNumberedLines() {
    ChainSnapshot s = parse("#接龙\n例：\n1. 3-1-201 张三 苹果2斤\n\n1. 5-302 李四 香蕉1把");
    assertThat(texts(s)).containsExactly("5-302 李四 香蕉1把");
  }

  @Test
  void footerAfterABlankLineIsNotPartOfTheLastEntry() {
    ChainSnapshot s = parse("#接龙\n1. 张三 苹果2斤\n\n请按格式接龙，谢谢");
    assertThat(texts(s)).containsExactly("张三 苹果2斤");
  }

  @Test
  void numberedListWithoutHeaderIsAHeaderlessChain() {
    ChainSnapshot s = parse("1. 张三 苹果2斤\n2. 李四 香蕉1把");
    assertThat(s.headerless()).isTrue();
    assertThat(texts(s)).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"苹果2斤", "收到", "1. 张三 苹果2斤", "接龙里帮我加个苹果", "明天12点截单\n周五到货", ""})
  void plainMessagesAreNotChains(String text) {
    assertThat(parser.parse(TextNormalizer.normalize(text))).isEmpty();
  }

  @Test
  void identityIgnoresSpacingButNotWords() {
    ChainSnapshot a = parse("#接龙 水果团\n明天12点截单\n1. 张三 苹果2斤");
    ChainSnapshot b = parse("#接龙  水果团\n明天 12点截单\n1. 张三 苹果2斤\n2. 李四 香蕉1把");
    ChainSnapshot c = parse("#接龙 蔬菜团\n明天12点截单\n1. 王五 土豆2斤");
    assertThat(a.identity()).isEqualTo(b.identity()).isNotEqualTo(c.identity());
  }
}

package tuangou.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tuangou.parser.chain.ChainParser;
import tuangou.parser.entry.EntryParser;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;
import tuangou.parser.text.TextNormalizer;

/** Whatever residents (or attackers) type, the parser answers and never throws. */
class ParserRobustnessProperties {
  private static final MessageInterpreter INTERPRETER = MessageInterpreter.create();
  private static final ProductIndex INDEX = ProductIndex.of(TestCatalog.ITEMS);
  private static final MentionResolver RESOLVER = new MentionResolver(INDEX);

  private static final List<String> FRAGMENTS = List.of(
      "#接龙", "#接龍", "#Group Note", "\n", "\n\n", " ", "　", "1. ", "2、", "３．", "12)", "例 ", "例：",
      "张三", "3-1-201", "5号楼1单元301", "苹果", "蘋果", "蓝莓", "莓", "草莓", "榴莲", "2斤", "两斤半", "半斤",
      "x3", "×2", "*2", "+1", "各1盒", "3号", "#3", "250ml*24", "5斤装", "1kg", "19.9元/盒", "¥20", "取消",
      "不要了", "改成", "再加", "?", "吗", "👍", "🍎🍎", "\u200d", "\u0000", "\u202e", "\uFEFF", "\uD83D",
      "\uDE00", "ℌ", "ﬁ", "１２３", "一二三四五六七八九十百千万", "零点", "楼号-房号 姓名 商品数量", "/", "、", "，", "；");

  @Provide
  Arbitrary<String> chatLike() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(400),
        Arbitraries.strings().withCharRange('\u4e00', '\u9fff').withChars("0123456789.-+x*#、，。\n ")
            .ofMaxLength(400),
        chatLike());
  }

  @Property(tries = 1500)
  void interpretingNeverThrows(@ForAll("anyText") String text) {
    Interpretation in = INTERPRETER.interpret(text);
    assertThat(in).isNotNull();
    if (in instanceof Interpretation.OrderText order) {
      order.entries().forEach(e -> assertThat(RESOLVER.resolve(e, Optional.empty())).isNotNull());
    }
  }

  @Property(tries = 800)
  void everyStageAcceptsAnyText(@ForAll("anyText") String text) {
    String normalized = TextNormalizer.normalize(text);
    assertThat(ChainParser.create().parse(normalized)).isNotNull();
    assertThat(RESOLVER.resolve(EntryParser.parse(normalized), Optional.of(TestCatalog.ITEMS.get(0)))).isNotNull();
    assertThat(INDEX.match(text, text)).isNotNull();
    assertThat(INDEX.findAll(text)).isNotNull();
  }

  @Property(tries = 20)
  void hugeChainsAreRead(@ForAll("hugeChain") String text) {
    Interpretation in = INTERPRETER.interpret(text);
    assertThat(in).isInstanceOf(Interpretation.ChainPost.class);
  }

  @Provide
  Arbitrary<String> hugeChain() {
    Arbitrary<String> line = Combinators.combine(
            Arbitraries.of("张三", "李四", "3-1-201 王五", "🌸小美"),
            Arbitraries.of("苹果", "香蕉", "蓝莓", "x"),
            Arbitraries.integers().between(1, 9))
        .as((who, what, n) -> who + " " + what + n + "斤");
    return line.list().ofMinSize(2000).ofMaxSize(10_000).map(lines -> {
      StringBuilder s = new StringBuilder("#接龙\n");
      for (int i = 0; i < lines.size(); i++) {
        s.append(i + 1).append(". ").append(lines.get(i)).append('\n');
      }
      return s.toString();
    });
  }

  @Example
  void textBeyondTheLimitIsRefusedWhole() {
    String huge = "苹果1斤\n".repeat(MessageInterpreter.MAX_CHARS / 5 + 1);
    boolean refused = INTERPRETER.interpret(huge)
        .equals(new Interpretation.Chatter(Interpretation.Chatter.Kind.TOO_LONG));
    assertThat(refused).as("a text over the limit is refused").isTrue();
  }

  @Example
  void tenThousandLinesOfNoiseAreChatter() {
    String noise = "哈哈哈😂😂\n".repeat(10_000);
    assertThat(INTERPRETER.interpret(noise)).isInstanceOf(Interpretation.Chatter.class);
  }

  @Example
  void tenThousandLineChainKeepsEveryEntry() {
    StringBuilder s = new StringBuilder("#接龙\n");
    for (int i = 1; i <= 10_000; i++) {
      s.append(i).append(". 住户").append(i).append(" 苹果1斤\n");
    }
    Interpretation in = INTERPRETER.interpret(s.toString());
    assertThat(((Interpretation.ChainPost) in).snapshot().entries()).hasSize(10_000);
  }
}

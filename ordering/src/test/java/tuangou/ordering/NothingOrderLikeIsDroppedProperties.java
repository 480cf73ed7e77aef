package tuangou.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;

/**
 * Issue 11, item 3: a message that holds a catalog word and an amount is never silently lost. It
 * becomes an order change, a recognised non-order (question, after-sales, story, the leader's
 * note) or an unresolved mention that the leader will see, whatever chatter surrounds it.
 */
class NothingOrderLikeIsDroppedProperties {
  private static final List<CatalogItem> ITEMS = List.of(
      new CatalogItem(1, "blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
      new CatalogItem(2, "strawberry", "丹东草莓", List.of("草莓"), "盒", "500g", 3990),
      new CatalogItem(3, "apple", "烟台苹果", List.of("苹果"), "斤", "", 690),
      new CatalogItem(4, "banana", "海南香蕉", List.of("香蕉"), "把", "", 1290),
      new CatalogItem(5, "tofu", "内酯嫩豆腐", List.of("豆腐"), "块", "400g", 300),
      new CatalogItem(6, "milk", "鲜牛奶", List.of("牛奶"), "瓶", "950ml", 1590));
  private static final OrderInterpreter INTERPRETER =
      new OrderInterpreter(MessageInterpreter.create(), new MentionResolver(ProductIndex.of(ITEMS)));
  private static final Set<Interpretation.Chatter.Kind> RECOGNISED = Set.of(
      Interpretation.Chatter.Kind.QUESTION, Interpretation.Chatter.Kind.AFTER_SALES,
      Interpretation.Chatter.Kind.ORDER_QUESTION, Interpretation.Chatter.Kind.STORY,
      Interpretation.Chatter.Kind.LEADER_NOTE, Interpretation.Chatter.Kind.PRICE_LIST);

  @Property(tries = 2000)
  void aCatalogWordWithAnAmountIsNeverNothing(@ForAll("orderLike") String text) {
    InboundMessage msg = new InboundMessage("sim", "m1", "g1", "u1", "住户", text, List.of(),
        OffsetDateTime.now(), null, null);
    Outcome outcome = INTERPRETER.process(msg, new InMemoryOrderBook().state("g1"));
    boolean recognised = outcome.interpretation() instanceof Interpretation.Chatter c && RECOGNISED.contains(c.kind())
        || outcome.interpretation() instanceof Interpretation.CommandText;
    assertThat(!outcome.changes().isEmpty() || !outcome.opened().isEmpty() || recognised)
        .as("%s read as %s", text, outcome.interpretation()).isTrue();
  }

  @Provide
  Arbitrary<String> orderLike() {
    Arbitrary<String> word = Arbitraries.of("云南蓝莓", "蓝莓", "草莓", "丹东草莓", "苹果", "烟台苹果", "香蕉", "豆腐",
        "牛奶", "鲜牛奶", "平果", "香焦", "草梅");
    Arbitrary<String> number = Arbitraries.of("1", "2", "3", "12", "一", "两", "三", "十二", "俩", "半", "2.5", "１");
    Arbitrary<String> unit = Arbitraries.of("斤", "盒", "把", "块", "瓶", "个", "袋", "份", "公斤", "克", "两");
    Arbitrary<String> amount = Combinators.combine(number, unit).as(String::concat);
    Arbitrary<String> before = Arbitraries.of("", "", "团长", "麻烦团长", "我要", "给我来", "再来", "今天好冷啊，", "哈哈哈 ",
        "3-1-201 ", "5号楼1单元 小美 ", "@团长 ", "有的话", "🙏");
    Arbitrary<String> after = Arbitraries.of("", "", "谢谢", "，谢谢🙏", "哈", "吧", " 不要太熟", "，拿不动😂", "呀", "~",
        " 辛苦了");
    Arbitrary<Boolean> amountFirst = Arbitraries.of(true, false);
    return Combinators.combine(before, word, amount, after, amountFirst)
        .as((b, w, a, t, first) -> b + (first ? a + w : w + a) + t);
  }
}

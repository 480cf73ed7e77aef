package tuangou.bot.replay.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.InboundMessage;
import tuangou.ordering.OrderInterpreter;
import tuangou.ordering.Outcome;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;

/**
 * Issue 11, item 3: a message that holds a catalog word and an amount is never read as nothing. It
 * changes an order, is recognised as something else (a question, after-sales, a story, the leader's
 * note, a price list, a command), or leaves an unresolved mention for the leader. Unlike {@code
 * NothingOrderLikeIsDroppedProperties} (in the suite), the catalogs, words and frames are the round-trip
 * generator's.
 *
 * <p>Back in the suite since an order question with a spaced amount ({@code 我的土豆 1斤记上了没}) reads
 * as the order question it is: beside a clause that is not an order, an item named with no amount
 * and no ordering verb is what that clause is about.
 */
class OrderLikeMessagesProperties {
  /** {@code %s} is the item mention ({@code 五花肉2斤}); the frames are what residents wrap it in. */
  static final List<String> FRAMES = List.of(
      "%s", "团长 %s", "%s 谢谢", "麻烦团长%s谢谢🙏", "我要%s", "来%s", "%s哈", "%s～", "+1 %s",
      "有的话%s", "还有吗 %s", "%s 不要太大的", "算了 %s", "%s 多了拿不动😂", "早上好☀️ %s",
      "3-1-201 张姐 %s", "5号楼1单元301 %s", "@团长 %s", "%s 明天下午来拿", "[抱拳]%s",
      "%s多少钱？", "%s还有吗？", "上次买的%s坏了", "昨天的%s少了", "%s能退吗", "我的%s记上了没",
      "收到@小周 %s", "目前统计：%s", "上次买了%s挺好的", "%s！！", "嗯嗯 %s", "家里没菜了 %s");

  /** Not orders, but read as something: the leader sees them or they answer themselves. */
  private static final java.util.Set<Interpretation.Chatter.Kind> RECOGNISED = java.util.EnumSet.of(
      Interpretation.Chatter.Kind.QUESTION, Interpretation.Chatter.Kind.PRICE_LIST,
      Interpretation.Chatter.Kind.AFTER_SALES, Interpretation.Chatter.Kind.ORDER_QUESTION,
      Interpretation.Chatter.Kind.STORY, Interpretation.Chatter.Kind.LEADER_NOTE);
  /** One per catalog: interpreters are immutable and thread-safe, and building an index takes a while. */
  private static final java.util.Map<String, OrderInterpreter> INTERPRETERS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final OffsetDateTime TS = OffsetDateTime.parse("2026-12-08T19:00:00+08:00");

  record Said(RoundTripCatalogs.Catalog catalog, String text) {}

  @Provide
  Arbitrary<Said> orderLikeMessages() {
    return orderLike(true);
  }

  static Arbitrary<Said> orderLike(boolean traditionalToo) {
    return Arbitraries.of(RoundTripCatalogs.ALL).flatMap(catalog -> Arbitraries.randomValue(r -> {
      CatalogItem item = OrderRenderer.pickOne(catalog.items(), r);
      RoundTripCatalogs.Words w = catalog.wordsOf(item);
      String word = OrderRenderer.pickOne(List.of(item.name(), w.alias(), w.typo(),
          w.synonym().isEmpty() ? w.alias() : w.synonym()), r);
      Style[] amounts = {Style.QTY_ARABIC_UNIT, Style.QTY_BEFORE_NAME, Style.QTY_CHINESE_NUMERAL,
          Style.QTY_TIMES_X, Style.QTY_TIMES_CROSS, Style.QTY_TIMES_STAR, Style.QTY_FULL_WIDTH_DIGITS,
          Style.QTY_LIA_SA, Style.QTY_JIN_AND_HALF, Style.QTY_GRAMS, Style.QTY_KILOGRAMS, Style.QTY_PORTIONS};
      Style style = amounts[r.nextInt(amounts.length)];
      if (!Amount.fits(style, item)) {
        style = Style.QTY_ARABIC_UNIT;
      }
      String mention = Amount.of(style, item, r).after(word, item);
      String text = OrderRenderer.pickOne(FRAMES, r).formatted(mention);
      return new Said(catalog, traditionalToo && r.nextInt(5) == 0 ? Traditional.of(text) : text);
    }));
  }

  /** The outcome of one message read alone in an empty group. */
  static Outcome read(Said said) {
    OrderInterpreter interpreter = INTERPRETERS.computeIfAbsent(said.catalog().name(), n -> new OrderInterpreter(
        MessageInterpreter.create(), new MentionResolver(ProductIndex.of(said.catalog().items(), ReadBack.SYNONYMS))));
    return interpreter.process(new InboundMessage("replay", "m1", "g1", "u1", "张姐", said.text(),
        List.of(), TS, null, null), new InMemoryOrderBook().state("g1"));
  }

  @Property(tries = 500, seed = "20261208", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void aMessageWithAnItemAndAnAmountIsNeverReadAsNothing(@ForAll("orderLikeMessages") Said said) {
    Outcome out = read(said);
    assertThat(somethingHappened(out)).as("%s read as %s", said.text(), out.interpretation()).isTrue();
  }

  /** An order change, an unresolved mention, or a recognised message that is not an order. */
  static boolean somethingHappened(Outcome out) {
    if (!out.changes().isEmpty() || !out.opened().isEmpty()) {
      return true;
    }
    Interpretation in = out.interpretation();
    if (in instanceof Interpretation.CommandText) {
      return true;
    }
    return in instanceof Interpretation.Chatter c && RECOGNISED.contains(c.kind());
  }

}

package tuangou.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;

class OrderInterpreterTest {
  private static final List<CatalogItem> ITEMS = List.of(
      new CatalogItem(1, "blueberry", "云南蓝莓", List.of("蓝莓"), "盒", "125g", 1990),
      new CatalogItem(3, "apple", "烟台苹果", List.of("苹果"), "斤", "", 690),
      new CatalogItem(4, "banana", "海南香蕉", List.of("香蕉"), "把", "", 1290));
  private final OrderInterpreter interpreter =
      new OrderInterpreter(MessageInterpreter.create(), new MentionResolver(ProductIndex.of(ITEMS)));
  private final InMemoryOrderBook book = new InMemoryOrderBook();
  private int ids;

  private Outcome say(String sender, String text) {
    InboundMessage msg = new InboundMessage("sim", "m" + (++ids), "g1", sender, "住户" + sender, text,
        List.of(), OffsetDateTime.now(), null, null);
    Outcome outcome = interpreter.process(msg, book.state("g1"));
    book.apply("g1", outcome);
    return outcome;
  }

  private static String chain(int entries) {
    StringBuilder s = new StringBuilder("#接龙 水果\n明天12点截单\n");
    for (int i = 1; i <= entries; i++) {
      s.append(i).append(". 住户").append(i).append(" 苹果").append(i % 5 + 1).append("斤\n");
    }
    return s.toString();
  }

  @Test
  void onlyTheLastStateOfEachChainIsKept() {
    for (int n = 1; n <= 300; n++) {
      say("u" + n, chain(n));
    }
    for (int r = 0; r < 50; r++) {
      say("u" + r, chain(300));
    }
    assertThat(book.state("g1").chains()).hasSize(1);
    assertThat(book.state("g1").chains().get(0).entries()).hasSize(300);
    assertThat(book.lines("g1")).hasSize(300);
  }

  @Test
  void eachLineTracesToTheMessageThatMadeOrChangedIt() {
    say("u1", "#接龙\n1. 张三 苹果2斤");
    say("u2", "#接龙\n1. 张三 苹果2斤\n2. 李四 香蕉1把");
    say("u2", "#接龙\n1. 张三 苹果2斤\n2. 李四 香蕉3把");
    assertThat(book.lines("g1")).extracting(OrderLine::item, OrderLine::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("apple", "m1"),
            org.assertj.core.groups.Tuple.tuple("banana", "m3"));
  }

  @Test
  void editedEntryUpdatesItsLineInPlace() {
    say("u1", "#接龙\n1. 张三 苹果2斤");
    String key = book.lines("g1").get(0).key();
    Outcome edit = say("u1", "#接龙\n1. 张三 苹果5斤");
    assertThat(edit.changes()).containsExactly(new OrderChange.Update(key, new BigDecimal("5"), "", "m2"));
  }

  @Test
  void freeTextJoinsTheResidentsExistingOrder() {
    say("u1", "#接龙\n1. 3-1-201 张三 苹果2斤");
    say("u1", "蓝莓+1");
    assertThat(book.lines("g1")).extracting(OrderLine::label).containsOnly("3-1-201 张三");
  }

  @Test
  void cancellingWhatWasNeverOrderedChangesNothing() {
    say("u1", "苹果2斤");
    assertThat(say("u1", "取消香蕉").changes()).isEmpty();
    assertThat(say("u2", "取消订单").changes()).isEmpty();
    assertThat(book.lines("g1")).hasSize(1);
  }

  @Test
  void partialCancelShrinksNewestLinesFirst() {
    say("u1", "苹果2斤");
    say("u1", "苹果3斤");
    say("u1", "取消苹果4斤");
    assertThat(book.lines("g1")).extracting(l -> l.qty().intValueExact()).containsExactly(1);
  }

  @Test
  void changeCollapsesSeveralLinesIntoOne() {
    say("u1", "香蕉1把");
    say("u1", "香蕉2把");
    say("u1", "香蕉改成5把");
    assertThat(book.lines("g1")).extracting(l -> l.qty().intValueExact()).containsExactly(5);
  }

  @Test
  void chatterChangesNothing() {
    Outcome o = say("u1", "今天几点到货？");
    assertThat(o.changes()).isEmpty();
    assertThat(o.opened()).isEmpty();
    assertThat(o.chain()).isNull();
  }

  @Test
  void removedEntryClosesItsUnresolvedMention() {
    say("u1", "#接龙\n1. 张三 榴莲1个");
    assertThat(book.unresolved("g1")).hasSize(1);
    say("u1", "#接龙\n1. 张三 苹果1斤");
    assertThat(book.unresolved("g1")).isEmpty();
    assertThat(book.lines("g1")).extracting(OrderLine::item).containsExactly("apple");
  }
}

package tuangou.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.parser.CatalogItem;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;

/** A cancel is of what the sender holds: a word fitting two items cancels the one the sender has. */
class CancelOwnLineTest {
  private static final List<CatalogItem> ITEMS = List.of(
      new CatalogItem(1, "bcjz", "猪肉白菜饺子", List.of("白菜饺子"), "袋", "1kg", 2590),
      new CatalogItem(2, "jcjz", "韭菜鸡蛋饺子", List.of("韭菜饺子"), "袋", "1kg", 2390),
      new CatalogItem(3, "ginger", "生姜", List.of("姜"), "斤", "", 880));
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

  @Test
  void aWordFittingTwoItemsCancelsTheOneTheSenderHolds() {
    say("u1", "韭菜饺子2袋");
    Outcome o = say("u1", "饺子不要了");
    assertThat(o.opened()).isEmpty();
    assertThat(book.lines("g1")).isEmpty();
  }

  @Test
  void holdingBothIsStillAsked() {
    say("u1", "白菜饺子1袋 韭菜饺子1袋");
    Outcome o = say("u1", "饺子不要了");
    assertThat(o.opened()).hasSize(1);
    assertThat(book.lines("g1")).hasSize(2);
  }

  @Test
  void aOneCharacterAliasCancelsTheSendersLine() {
    say("u1", "生姜1斤");
    say("u1", "姜先不要了哈");
    assertThat(book.lines("g1")).isEmpty();
  }
}

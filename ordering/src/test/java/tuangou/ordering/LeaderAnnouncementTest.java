package tuangou.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.parser.CatalogItem;
import tuangou.parser.command.Command;
import tuangou.parser.intent.MessageInterpreter;
import tuangou.parser.match.ProductIndex;
import tuangou.parser.order.MentionResolver;

/** The leader's cutoff or arrival said in a sentence is the command; a resident saying it is not. */
class LeaderAnnouncementTest {
  private static final List<CatalogItem> ITEMS = List.of(
      new CatalogItem(1, "milk", "鲜牛奶", List.of("鲜奶"), "瓶", "950ml", 1280));
  private final Engine engine = new Engine(
      new OrderInterpreter(MessageInterpreter.create(), new MentionResolver(ProductIndex.of(ITEMS))), ITEMS);
  private final InMemoryOrderBook book = new InMemoryOrderBook();

  private Reading read(String sender, String text) {
    InboundMessage msg = new InboundMessage("sim", "m1", "g1", sender, sender, text, List.of(),
        OffsetDateTime.now(), null, null);
    return engine.read(msg, book.state("g1"), new Engine.Situation(sender.equals("lead"), "群", "lead", true), List.of());
  }

  @Test
  void theLeadersCutoffInASentenceIsTheCutoffCommand() {
    assertThat(read("lead", "截单了哈 明天到货")).isEqualTo(new Reading.CommandGiven(new Command.Cutoff()));
    assertThat(read("lead", "到货了 大家来取")).isEqualTo(new Reading.CommandGiven(new Command.Arrival()));
  }

  @Test
  void aResidentSayingItOrAnyoneAskingIsNoCommand() {
    assertThat(read("u1", "截单了哈")).isInstanceOf(Reading.Decided.class);
    assertThat(read("lead", "截单了吗？")).isInstanceOf(Reading.Decided.class);
    assertThat(read("lead", "明晚8点截单")).isInstanceOf(Reading.Decided.class);
  }
}

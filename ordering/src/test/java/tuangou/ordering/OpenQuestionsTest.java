package tuangou.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.parser.intent.Interpretation;
import tuangou.parser.order.UnresolvedMention.Reason;

/** The open questions of a group in memory: asked once, closed by their origin or by their answer. */
class OpenQuestionsTest {
  private static final Interpretation SAID = new Interpretation.Chatter(Interpretation.Chatter.Kind.OTHER);

  private static Unresolved about(Origin origin, String text) {
    return new Unresolved(origin, "g", "u1", "m", text, Reason.UNKNOWN, "没找到", List.of());
  }

  private static Outcome opening(Unresolved... asked) {
    return new Outcome(SAID, List.of(), null, List.of(asked), List.of());
  }

  private static Outcome closing(Origin... origins) {
    return new Outcome(SAID, List.of(), null, List.of(), List.of(origins));
  }

  private static List<String> open(InMemoryOrderBook book) {
    return book.questions("g").stream().map(q -> q.id() + " " + q.mention().text()).toList();
  }

  @Test
  void theSameQuestionIsAskedOnceAndTheOldestComeFirst() {
    InMemoryOrderBook book = new InMemoryOrderBook();
    Origin m1 = new Origin.Message("m1");
    Origin entry = new Origin.ChainEntry("c", 2);
    book.apply("g", opening(about(m1, "榴莲"), about(entry, "山竹")));
    book.apply("g", opening(about(new Origin.Message("m1"), "榴莲"), about(m1, "菠萝")));

    assertThat(open(book)).containsExactly("1 榴莲", "2 山竹", "3 菠萝");
  }

  @Test
  void aQuestionClosesWithItsOriginOrItsAnswer() {
    InMemoryOrderBook book = new InMemoryOrderBook();
    Origin m1 = new Origin.Message("m1");
    Origin entry = new Origin.ChainEntry("c", 2);
    book.apply("g", opening(about(m1, "榴莲"), about(entry, "山竹"), about(m1, "菠萝"), about(new Origin.Message("m2"), "芒果")));

    // the entry read back from its stored key is the same origin
    book.apply("g", closing(Origin.parse(entry.key())));
    assertThat(open(book)).containsExactly("1 榴莲", "3 菠萝", "4 芒果");

    book.answered("g", 3, Outcome.nothing(SAID));
    assertThat(open(book)).containsExactly("1 榴莲", "4 芒果");

    book.apply("g", closing(m1));
    assertThat(open(book)).containsExactly("4 芒果");
    // asked again after it closed: a new question
    book.apply("g", opening(about(m1, "榴莲")));
    assertThat(open(book)).containsExactly("4 芒果", "5 榴莲");
  }
}

package tuangou.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tuangou.ordering.InMemoryOrderBook;
import tuangou.ordering.OrderLine;
import tuangou.ordering.Origin;

class GroupBooksTest {
  @Test
  void aBookIsLentOnlyForItsCampaignAndWriteCountAndOnlyOnce() {
    GroupBooks books = new GroupBooks(1_000);
    InMemoryOrderBook book = book(7, 3);
    books.giveBack(7, 100, 5, book);

    assertThat(books.lend(7, 100, 6)).as("written since by someone else").isEmpty();
    assertThat(books.lend(7, 100, 5)).as("dropped by the lend that did not match").isEmpty();

    books.giveBack(7, 100, 5, book);
    assertThat(books.lend(7, 101, 5)).as("another campaign").isEmpty();

    books.giveBack(7, 100, 5, book);
    assertThat(books.lend(7, 100, 5)).containsSame(book);
    assertThat(books.lend(7, 100, 5)).as("lent to one batch at a time").isEmpty();
  }

  @Test
  void theLeastRecentlyUsedBooksGoOnceTheLinesPassTheBound() {
    GroupBooks books = new GroupBooks(10);
    books.giveBack(1, 100, 1, book(1, 4));
    books.giveBack(2, 100, 1, book(2, 4));
    books.giveBack(3, 100, 1, book(3, 4));

    assertThat(books.size()).isEqualTo(2);
    assertThat(books.lend(1, 100, 1)).as("the oldest went").isEmpty();
    assertThat(books.lend(3, 100, 1)).isPresent();

    books.giveBack(4, 100, 1, book(4, 11));
    assertThat(books.size()).as("a book over the bound on its own is not kept").isZero();
  }

  @Test
  void aForgottenBookIsReadAgain() {
    GroupBooks books = new GroupBooks(100);
    books.giveBack(9, 100, 2, book(9, 1));
    books.forget(9);
    assertThat(books.lend(9, 100, 2)).isEmpty();
    assertThat(books.size()).isZero();
  }

  private static InMemoryOrderBook book(long group, int lines) {
    InMemoryOrderBook book = new InMemoryOrderBook();
    String g = String.valueOf(group);
    book.load(g, List.of(), IntStream.range(0, lines).mapToObj(i -> new OrderLine("k" + i, Origin.parse("msg:m" + i),
        g, "u" + i, "", "apple", BigDecimal.ONE, "", "m" + i)).toList());
    return book;
  }
}

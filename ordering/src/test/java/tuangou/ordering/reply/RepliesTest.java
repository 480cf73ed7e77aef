package tuangou.ordering.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.ordering.Origin;
import tuangou.ordering.Unresolved;
import tuangou.parser.CatalogItem;
import tuangou.parser.order.UnresolvedMention.Reason;

class RepliesTest {

  private static List<CatalogItem> catalog(int n) {
    List<CatalogItem> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(new CatalogItem(i, "p" + i, "商品" + i, List.of(), "份", "", 100));
    }
    return items;
  }

  @Test
  void unknownProductQuestionListsTheClosestItemsFirst() {
    Replies replies = new Replies(catalog(3));
    String q = replies.question(new Unresolved(new Origin.Message("o"), "g", "u", "m", "商品九", Reason.UNKNOWN, "unknown", List.of("p2")), "张三");
    assertThat(q).isEqualTo("@张三 今天的团品里没有“商品九”，回复团品序号也可以：2.商品2");
  }

  @Test
  void aLargeCatalogIsCutWithTheCountOfTheRest() {
    Replies replies = new Replies(catalog(2000));
    String q = replies.question(new Unresolved(new Origin.Message("o"), "g", "u", "m", "榴莲", Reason.UNKNOWN, "unknown", List.of()), "张三");
    assertThat(q).contains("1.商品1").contains("12.商品12").doesNotContain("13.商品13").endsWith("等2000款");
    assertThat(q.length()).isLessThan(200);
  }

  @Test
  void ambiguousQuestionOffersTheCandidatesByDealNumber() {
    Replies replies = new Replies(catalog(3));
    assertThat(replies.question(new Unresolved(new Origin.Message("o"), "g", "u", "m", "商品", Reason.AMBIGUOUS, "ambiguous: p1, p3", List.of("p1", "p3")), "李四"))
        .isEqualTo("@李四 您说的“商品”是哪一个？1.商品1 还是 3.商品3，回复序号就行");
  }
}

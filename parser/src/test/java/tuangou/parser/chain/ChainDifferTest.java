package tuangou.parser.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainDifferTest {
  private static final ChainSnapshot HEADER = new ChainSnapshot("#接龙", List.of(), List.of());

  private static List<ChainEntry> entries(String... texts) {
    List<ChainEntry> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new ChainEntry(i + 1, texts[i]));
    }
    return out;
  }

  private static ChainState post(ChainState state, String sender, String... texts) {
    return ChainDiffer.diff(state, entries(texts), sender, null).next();
  }

  private static ChainState start() {
    return ChainState.empty("c1", HEADER);
  }

  @Test
  void newEntryBelongsToItsSender() {
    ChainState s = post(start(), "u1", "张三 苹果2斤");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果2斤", "李四 香蕉1把"), "u2", null);
    assertThat(d.added()).extracting(TrackedEntry::text, TrackedEntry::author).containsExactly(
        org.assertj.core.groups.Tuple.tuple("李四 香蕉1把", "u2"));
    assertThat(d.changed()).isEmpty();
    assertThat(d.removed()).isEmpty();
  }

  @Test
  void repostedSnapshotChangesNothing() {
    ChainState s = post(post(start(), "u1", "张三 苹果2斤"), "u2", "张三 苹果2斤", "李四 香蕉1把");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果2斤", "李四 香蕉1把"), "u3", null);
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.next().entries()).isEqualTo(s.entries());
  }

  @Test
  void spacingAndPunctuationDoNotMakeANewEntry() {
    ChainState s = post(start(), "u1", "张三 苹果2斤");
    ChainDiff d = ChainDiffer.diff(s, entries("张三  苹果2斤,"), "u2", null);
    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void authorEditIsAChangeOfTheSameEntry() {
    ChainState s = post(post(start(), "u1", "张三 草莓1盒"), "u2", "张三 草莓1盒", "李四 蓝莓2盒");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 草莓1盒", "李四 蓝莓3盒"), "u2", null);
    assertThat(d.changed()).hasSize(1);
    ChainDiff.Change c = d.changed().get(0);
    assertThat(c.before().seq()).isEqualTo(c.after().seq());
    assertThat(c.after().text()).isEqualTo("李四 蓝莓3盒");
    assertThat(d.added()).isEmpty();
  }

  @Test
  void authorDeletingOwnLineCancelsItAndRenumberingDoesNotMatter() {
    ChainState s = post(post(post(start(), "u1", "张三 苹果3斤"), "u2", "张三 苹果3斤", "李四 脐橙5斤"),
        "u3", "张三 苹果3斤", "李四 脐橙5斤", "王五 土豆2斤");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果3斤", "王五 土豆2斤"), "u2", null);
    assertThat(d.removed()).extracting(TrackedEntry::text).containsExactly("李四 脐橙5斤");
    assertThat(d.added()).isEmpty();
    assertThat(d.next().entries()).extracting(TrackedEntry::text).containsExactly("张三 苹果3斤", "王五 土豆2斤");
  }

  @Test
  void staleCopyOfSomeoneElseDoesNotCancelTheirEntry() {
    ChainState s = post(post(start(), "u1", "张三 苹果3斤"), "u2", "张三 苹果3斤", "李四 脐橙5斤");
    // u3 copied the chain before u2 posted, and adds their own line
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果3斤", "王五 土豆2斤"), "u3", null);
    assertThat(d.removed()).isEmpty();
    assertThat(d.added()).extracting(TrackedEntry::text).containsExactly("王五 土豆2斤");
    assertThat(d.next().entries()).extracting(TrackedEntry::text)
        .containsExactlyInAnyOrder("张三 苹果3斤", "李四 脐橙5斤", "王五 土豆2斤");
  }

  @Test
  void deletedLineDoesNotComeBackThroughAStaleCopy() {
    ChainState s = post(post(start(), "u1", "张三 苹果3斤"), "u2", "张三 苹果3斤", "李四 脐橙5斤");
    s = post(s, "u2", "张三 苹果3斤");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果3斤", "李四 脐橙5斤", "王五 土豆2斤"), "u3", null);
    assertThat(d.added()).extracting(TrackedEntry::text).containsExactly("王五 土豆2斤");
  }

  @Test
  void authorMayAddBackALineTheyDeleted() {
    ChainState s = post(post(start(), "u1", "张三 苹果3斤"), "u1");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果3斤"), "u1", null);
    assertThat(d.added()).hasSize(1);
  }

  @Test
  void editOfSomeoneElsesEntryIsAConflictNotAChange() {
    ChainState s = post(post(start(), "u1", "张三 苹果3斤"), "u2", "张三 苹果3斤", "李四 脐橙5斤");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果5斤", "李四 脐橙5斤"), "u2", null);
    assertThat(d.changed()).isEmpty();
    assertThat(d.added()).isEmpty();
    assertThat(d.conflicts()).extracting(c -> c.before().text()).containsExactly("张三 苹果3斤");
    assertThat(d.next().entries()).extracting(TrackedEntry::text).contains("张三 苹果3斤");
  }

  @Test
  void twoIdenticalLinesAreTwoEntries() {
    ChainState s = post(start(), "u1", "张三 苹果1斤");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果1斤", "张三 苹果1斤"), "u1", null);
    assertThat(d.added()).hasSize(1);
    assertThat(d.next().entries()).hasSize(2);
  }

  @Test
  void wechatAuthorsDecideAttributionAndTheListIsAuthoritative() {
    ChainState s = ChainDiffer.diff(start(), entries("张三 苹果1斤", "李四 香蕉1把"), "u1", List.of("u1", "u2")).next();
    assertThat(s.entries()).extracting(TrackedEntry::author).containsExactly("u1", "u2");
    ChainDiff d = ChainDiffer.diff(s, entries("张三 苹果1斤"), "u3", List.of("u1"));
    assertThat(d.removed()).extracting(TrackedEntry::author).containsExactly("u2");
  }

  @Test
  void authorsMustMatchEntries() {
    assertThatThrownBy(() -> ChainDiffer.diff(start(), entries("a"), "u1", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longChainsAlignBeyondTheQuadraticLimit() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      texts.add("住户" + i + " 苹果" + (i % 9 + 1) + "斤");
    }
    ChainState s = post(start(), "u1", texts.toArray(String[]::new));
    List<String> shuffled = new ArrayList<>(texts);
    java.util.Collections.reverse(shuffled.subList(100, 2400));
    ChainDiff d = ChainDiffer.diff(s, entries(shuffled.toArray(String[]::new)), "u1", null);
    // a copy in another order shows the same entries: nothing is added, changed or removed
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.next().entries()).hasSize(2500);
    assertThat(d.next().entries()).extracting(TrackedEntry::seq).doesNotHaveDuplicates();
  }
}

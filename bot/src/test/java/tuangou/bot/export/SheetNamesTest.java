package tuangou.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SheetNamesTest {

  @Test
  void forbiddenCharactersBecomeUnderscores() {
    assertThat(SheetNames.of(List.of("1号楼[北]: 3/4*?\\"))).containsExactly("1号楼_北__ 3_4___");
  }

  @Test
  void namesAreCutAt31Characters() {
    String title = "a".repeat(40);

    assertThat(SheetNames.of(List.of(title))).containsExactly("a".repeat(31));
  }

  @Test
  void cuttingDoesNotSplitAnEmoji() {
    String title = "a".repeat(30) + "🍎b";

    String name = SheetNames.of(List.of(title)).get(0);

    assertThat(name).isEqualTo("a".repeat(30));
  }

  @Test
  void duplicatesAreNumberedIgnoringCaseAndStayWithinTheLimit() {
    String long31 = "x".repeat(31);

    assertThat(SheetNames.of(List.of("Apple", "apple", "APPLE", long31, long31)))
        .containsExactly("Apple", "apple (2)", "APPLE (3)", long31, "x".repeat(27) + " (2)");
  }

  @Test
  void apostrophesAndSpacesAtTheEndsAreRemoved() {
    assertThat(SheetNames.of(List.of("'王阿姨的团' ", "  中间'可以  "))).containsExactly("王阿姨的团", "中间'可以");
  }

  @Test
  void emptyOrReservedNamesGetAPlaceholder() {
    assertThat(SheetNames.of(List.of("''", "history", "：")))
        .containsExactly("Sheet1", "history_", "：");
  }

  @Test
  void controlCharactersBecomeSpaces() {
    assertThat(SheetNames.of(List.of("幸福\n里\t店"))).containsExactly("幸福 里 店");
  }
}

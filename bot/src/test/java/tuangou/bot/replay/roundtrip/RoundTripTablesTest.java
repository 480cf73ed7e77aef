package tuangou.bot.replay.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tuangou.parser.CatalogItem;
import tuangou.parser.text.HanScript;

/** The generator's own tables say what they claim, checked against the parser's Han table. */
class RoundTripTablesTest {

  @Test
  void everyTraditionalCharacterReadsBackAsItsSimplifiedOne() {
    List<String> wrong = new ArrayList<>();
    Traditional.MAP.forEach((simplified, traditional) -> {
      if (HanScript.toSimplified(traditional) != simplified) {
        wrong.add(simplified + "→" + traditional + "→" + HanScript.toSimplified(traditional));
      }
    });
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyTypoIsAPinyinHomophoneOfTheAlias() {
    List<String> wrong = new ArrayList<>();
    for (RoundTripCatalogs.Catalog catalog : RoundTripCatalogs.ALL) {
      for (CatalogItem item : catalog.items()) {
        RoundTripCatalogs.Words w = catalog.wordsOf(item);
        assertThat(w).as(item.id()).isNotNull();
        if (!pinyin(w.typo()).equals(pinyin(w.alias())) || w.typo().equals(w.alias())) {
          wrong.add(w.alias() + " " + pinyin(w.alias()) + " / " + w.typo() + " " + pinyin(w.typo()));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void chineseNumeralsAreWrittenAsResidentsSayThem() {
    assertThat(Numerals.chinese(2)).isEqualTo("两");
    assertThat(Numerals.chinese(10)).isEqualTo("十");
    assertThat(Numerals.chinese(12)).isEqualTo("十二");
    assertThat(Numerals.fullWidth("12")).isEqualTo("１２");
  }

  private static String pinyin(String word) {
    StringBuilder s = new StringBuilder();
    for (char c : word.toCharArray()) {
      s.append(HanScript.pinyin(c)).append(' ');
    }
    return s.toString().trim();
  }
}

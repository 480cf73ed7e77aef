package tuangou.parser.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.text.HanScript;

class FitTest {

  private static Fit.Verdict fit(String mention, String name) {
    List<String> m = Forms.tokens(mention);
    List<String> n = Forms.tokens(name);
    String[] mp = m.stream().map(FitTest::pinyin).toArray(String[]::new);
    return Fit.of(m, mp, n, n.stream().map(FitTest::pinyin).toList());
  }

  private static String pinyin(String token) {
    return token.length() == 1 ? HanScript.pinyin(token.charAt(0)) : "";
  }

  @ParameterizedTest(name = "{0} against {1}: {2}")
  @CsvSource({
      // extra characters on one side only: an abbreviation, an origin, a label, a modifier
      "蓝莓, 云南蓝莓, SAME",
      "红富士, 烟台红富士苹果, SAME",
      "阳光玫瑰, 阳光玫瑰葡萄, SAME",
      "新鲜的草莓, 丹东草莓, SAME",
      "99草莓, 丹东99草莓, SAME",
      "梨子, 皇冠梨, SAME",
      "奶要, 纯牛奶, SAME",
      // a homophone is the same character
      "平果, 烟台苹果, SAME",
      "兰莓, 云南蓝莓, SAME",
      "草梅, 丹东草莓, SAME",
      "车里子, 智利车厘子, SAME",
      // another origin before a shared head of two characters
      "山东苹果, 烟台苹果, SAME",
      // a character of the mention's own where the name has another
      "草莓, 云南蓝莓, DIFFERENT",
      "树莓, 蓝莓, DIFFERENT",
      "杨梅, 蓝莓, DIFFERENT",
      "鸡腿, 农家土鸡蛋, DIFFERENT",
      "橙汁, 赣南脐橙, DIFFERENT",
      "橙子, 鲜榨橙汁, DIFFERENT",
      "小米, 东北大米, DIFFERENT",
      "鸭蛋, 土鸡蛋, DIFFERENT",
      // a new head after the whole name
      "苹果汁, 苹果, DIFFERENT",
      "鸡蛋面, 鸡蛋, DIFFERENT",
      // nothing in common
      "榴莲, 苹果, DIFFERENT",
      // the generic 肉 where the name has a cut
      "猪肉, 黑猪肋排, CATEGORY",
      "牛肉, 牛腩, CATEGORY",
  })
  void aMentionNamesAnItemOnlyWhereTheyDifferByWordsOfOneSide(String mention, String name, Fit.Verdict verdict) {
    assertThat(fit(mention, name)).isEqualTo(verdict);
  }
}

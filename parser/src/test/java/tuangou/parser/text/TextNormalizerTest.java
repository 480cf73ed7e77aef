package tuangou.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void everyCharacterTakenAsStableIsLeftAsItIsByNfkc() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (TextNormalizer.nfkcStable(c)) {
        String one = String.valueOf(c);
        assertThat(Normalizer.normalize(one, Normalizer.Form.NFKC)).as("U+%04X", (int) c).isEqualTo(one);
      }
    }
  }

  @Test
  void textOfStableCharactersReadsAsThroughTheNormalizer() {
    assertThat(TextNormalizer.normalize("1、3-1-201 小周  苹果2斤\r\n【接龍】ABC")).isEqualTo("1、3-1-201 小周 苹果2斤\n【接龙】abc");
    assertThat(TextNormalizer.normalize("１．５号楼　蓝莓２盒，谢谢🙏")).isEqualTo("1.5号楼 蓝莓2盒,谢谢🙏");
  }
}

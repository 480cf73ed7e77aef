package tuangou.parser.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * han.txt is exactly what ICU4J says. To regenerate it after an ICU upgrade:
 * {@code mvn -pl parser test -Dtest=HanTableTest -Dtuangou.han.regenerate=true}.
 */
class HanTableTest {

  static String generate() {
    Transliterator simplify = Transliterator.getInstance("Traditional-Simplified");
    Transliterator pinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    StringBuilder out = new StringBuilder();
    for (char c = HanScript.FIRST; c <= HanScript.LAST; c++) {
      String s = String.valueOf(c);
      String p = pinyin.transliterate(s).trim();
      out.append(p.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') ? p : "");
      String simple = simplify.transliterate(s);
      if (simple.length() == 1 && simple.charAt(0) != c) {
        out.append('\t').append(simple);
      }
      out.append('\n');
    }
    return out.toString();
  }

  @Test
  void shippedTableIsWhatIcuSays() throws IOException {
    String fresh = generate();
    if (Boolean.getBoolean("tuangou.han.regenerate")) {
      Files.writeString(Path.of("src/main/resources/tuangou/parser/text/" + HanScript.RESOURCE), fresh,
          StandardCharsets.UTF_8);
    }
    try (InputStream in = HanScript.class.getResourceAsStream(HanScript.RESOURCE)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(fresh);
    }
  }

  @Test
  void knownCharacters() {
    assertThat(HanScript.pinyin('苹')).isEqualTo("ping");
    assertThat(HanScript.pinyin('平')).isEqualTo("ping");
    assertThat(HanScript.pinyin('蕉')).isEqualTo(HanScript.pinyin('焦'));
    assertThat(HanScript.toSimplified('蘋')).isEqualTo('苹');
    assertThat(HanScript.toSimplified('龍')).isEqualTo('龙');
    assertThat(HanScript.toSimplified('苹')).isEqualTo('苹');
    assertThat(HanScript.toSimplified('a')).isEqualTo('a');
    assertThat(HanScript.pinyin('a')).isEmpty();
  }
}

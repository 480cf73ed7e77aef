package tuangou.parser.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tuangou.parser.text.TextNormalizer;

class EntryParserTest {

  /** Renders mentions as "product|amount+unit|deal|note|spec", joined by " ; ". */
  private static String render(ParsedEntry e) {
    return e.mentions().stream().map(m -> m.product() + "|"
        + (m.quantity() == null ? "-" : m.quantity().toString()) + "|"
        + m.dealNo() + (m.each() ? "|each" : "")
        + (m.note().isEmpty() ? "" : "|note=" + m.note())
        + (m.spec().isEmpty() ? "" : "|spec=" + m.spec()))
        .collect(Collectors.joining(" ; "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', value = {
      "张三 苹果3斤 § 张三 § 苹果|3斤|0",
      "3-1-201 张三 苹果2斤 § 3-1-201 张三 § 苹果|2斤|0",
      "5-302 李四 香蕉1把+葡萄1串 § 5-302 李四 § 香蕉|1把|0 ; 葡萄|1串|0",
      "9-901 小周 苹果2斤，香蕉1把；鸡蛋1板 牛奶1箱 § 9-901 小周 § 苹果|2斤|0 ; 香蕉|1把|0 ; 鸡蛋|1板|0 ; 牛奶|1箱|0",
      "8-1602 王五 鸡蛋两板 § 8-1602 王五 § 鸡蛋|2板|0",
      "李四 西红柿半斤 § 李四 § 西红柿|0.5斤|0",
      "赵六 脐橙三斤半 § 赵六 § 脐橙|3.5斤|0",
      "土豆两斤半 § '' § 土豆|2.5斤|0",
      "王五 土豆十斤 § 王五 § 土豆|10斤|0",
      "蓝莓+1 § '' § 蓝莓|1|0",
      "草莓x3 § '' § 草莓|3|0",
      "草莓×3 § '' § 草莓|3|0",
      "草莓*3 § '' § 草莓|3|0",
      "蓝莓 x两 § '' § 蓝莓|2|0",
      "番茄+十 § '' § 番茄|10|0",
      "蓝莓2份 § '' § 蓝莓|2份|0",
      "我要两斤苹果 § '' § 苹果|2斤|0",
      "来一盒蓝莓 § '' § 蓝莓|1盒|0",
      "5号 2串 § '' § |2串|5",
      "3号×2 § '' § |2|3",
      "#3 2份 § '' § |2份|3",
      "5号楼1单元301 张三 苹果2斤 § 5号楼1单元301 张三 § 苹果|2斤|0",
      "葡萄1串 不要太熟 § '' § 葡萄|1串|0|note=不要太熟",
      "蓝莓草莓各1盒 § '' § 蓝莓草莓|1盒|0|each",
      "丹东99草莓1盒 § '' § 丹东99草莓|1盒|0",
      "丹东99草莓 § '' § 丹东99草莓|-|0",
      "牛奶250ml*24 1箱 § '' § 牛奶|1箱|0|spec=250ml*24",
      "百香果5斤装1箱 § '' § 百香果|1箱|0|spec=5斤装",
      "车厘子1kg 2盒 § '' § 车厘子|2盒|0|spec=1kg",
      "苹果1公斤 § '' § 苹果|1公斤|0",
      "苹果500克 § '' § 苹果|500克|0",
      "苹果3两 § '' § 苹果|3两|0",
      "苹果三两 § '' § 苹果|3两|0",
      "张三 两斤苹果 § 张三 § 苹果|2斤|0",
      "两斤苹果一盒蓝莓 § '' § 苹果|2斤|0 ; 蓝莓|1盒|0",
      "苹果2斤香蕉1把 § '' § 苹果|2斤|0 ; 香蕉|1把|0",
      "苹果 2斤 § '' § 苹果|2斤|0",
      "🌸小美 蓝莓2盒 § 🌸小美 § 蓝莓|2盒|0",
      "张三 2 § '' § 张三|2|0",
      "3-1-201 2 § 3-1-201 § |2|0",
      "蓝莓再加一盒 § '' § 蓝莓|1盒|0",
      "苹果12斤 § '' § 苹果|12斤|0",
      "苹果2.5斤 § '' § 苹果|2.5斤|0",
      "张三 苹果 § 张三 § 苹果|-|0",
      "王五 § '' § 王五|-|0",
      "团长,我要一板鸡蛋,谢谢 § '' § 鸡蛋|1板|0",
      "那来两盒草莓吧 § '' § 草莓吧|2盒|0",
      "@团长 土豆3斤 西红柿2斤 § '' § 土豆|3斤|0 ; 西红柿|2斤|0",
  })
  void splitsLabelAndMentions(String text, String label, String mentions) {
    ParsedEntry e = EntryParser.parse(TextNormalizer.normalize(text));
    assertThat(e.label()).as("label").isEqualTo(label);
    assertThat(render(e)).as("mentions").isEqualTo(mentions);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', value = {
      "3-1-201 张三",
      "13812345678 张三",
      "11月23日 周五",
      "明天12点截单",
  })
  void roomNumbersPhonesAndTimesAreNotQuantities(String text) {
    ParsedEntry e = EntryParser.parse(TextNormalizer.normalize(text));
    assertThat(e.mentions()).allMatch(m -> m.quantity() == null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', value = {
      "１．张三　苹果２斤 § 苹果|2斤|0",
      "蘋果兩斤 § 苹果|2斤|0",
      "草莓Ｘ３ § 草莓|3|0",
  })
  void fullWidthAndTraditionalFormsReadLikeTheirPlainForms(String text, String mentions) {
    ParsedEntry e = EntryParser.parse(TextNormalizer.normalize(text).replaceFirst("^1\\.", "").trim());
    assertThat(render(e)).isEqualTo(mentions);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '§', value = {
      "蓝莓2盒 § 蓝莓2盒",
      "3-1-201 张三 苹果2斤 § 苹果2斤",
      "5号 2串 § 5号 2串",
  })
  void mentionKeepsTheTextItCameFrom(String text, String span) {
    List<ItemMention> mentions = EntryParser.parse(TextNormalizer.normalize(text)).mentions();
    assertThat(mentions).extracting(ItemMention::text).containsExactly(span);
  }
}

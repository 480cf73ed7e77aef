package tuangou.parser.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 斤半 and 一两半, a spec then a count of packs, and ranges, as the scanner tokenizes them. */
class SpokenAmountsTest {
  private static String tokens(String text) {
    return QuantityScanner.scan(text).stream()
        .map(t -> t.kind().name().toLowerCase() + (t.quantity() == null ? "" : "=" + t.quantity()))
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '§', value = {
      "菠菜斤半 § amount=1.5斤",
      "土豆一斤半,番茄斤半 § amount=1.5斤 amount=1.5斤",
      "干贝一两半 § amount=1.5两",
      "干贝1两半 § amount=1.5两",
      "翅中500g*2盒 § spec amount=2盒",
      "鲜牛奶950ml×2瓶 § spec amount=2瓶",
      "纯牛奶250ml*24瓶 1箱 § spec amount=1箱",
      "鲜奶950ml*2 § spec",
      "翅中(500g)2盒 § spec amount=2盒",
      "翅中2盒(500g) § amount=2盒 spec",
      "五花肉(2斤) § amount=2斤",
      "羊肉卷2盒 一共才58块 划算 § amount=2盒 price",
      "豆腐3块 § amount=3块",
      "84两瓶 § amount=2瓶",
      "干贝3两 § amount=3两",
      "番茄要2-3斤 § amount=32-3斤",
      "番茄2到3斤 § amount=32到3斤",
      "番茄两三斤 § amount=3两三斤",
      "黄瓜三到五斤 § amount=5三到五斤",
      "苹果两斤 § amount=2斤",
      "干贝三两 § amount=3两",
      "干贝一两 § amount=1两",
      "鸡蛋两三个 § amount=3两三个",
      "3-1-201 土豆2斤 § address amount=2斤",
  })
  void spokenAmounts(String text, String expected) {
    assertThat(tokens(text)).isEqualTo(expected);
  }
}

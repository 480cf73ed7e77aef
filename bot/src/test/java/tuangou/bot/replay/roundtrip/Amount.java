package tuangou.bot.replay.roundtrip;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import tuangou.parser.CatalogItem;

/**
 * One amount as a resident writes it, and what it counts in the item's own unit.
 *
 * @param spoken the amount's words ({@code 两斤半}, {@code x2}, {@code 500克}), possibly empty
 * @param first written before the item's name ({@code 2斤苹果}) rather than after it
 */
record Amount(BigDecimal qty, String spoken, boolean first) {

  /** Whether {@code style} can be written for {@code item}: weights only for items sold by the 斤. */
  static boolean fits(Style style, CatalogItem item) {
    boolean byWeight = item.unit().equals("斤");
    return switch (style) {
      case QTY_JIN_AND_HALF, QTY_JIN_AND_LIANG, QTY_GRAMS, QTY_KILOGRAMS -> byWeight;
      case QTY_PORTIONS -> !byWeight;
      default -> true;
    };
  }

  /** The mention: name and amount in the order this amount is written. */
  String after(String name, CatalogItem item) {
    if (first) {
      return spoken + name;
    }
    boolean digits = !name.isEmpty() && Character.isDigit(name.charAt(name.length() - 1))
        && !spoken.isEmpty() && Character.isDigit(spoken.charAt(0));
    return name + (digits ? " " : "") + spoken;
  }

  /** The mention with the amount first, after a verb ({@code 我要两斤苹果}). */
  String before(String name) {
    return spoken + name;
  }

  static Amount plus(Random r, CatalogItem item) {
    int n = 1 + r.nextInt(3);
    return new Amount(BigDecimal.valueOf(n), "+" + n, false);
  }

  static Amount of(Style style, CatalogItem item, Random r) {
    String u = item.unit();
    int n = count(r);
    return switch (style) {
      case QTY_BEFORE_NAME -> new Amount(BigDecimal.valueOf(n), (r.nextBoolean() ? n : Numerals.chinese(n)) + u, true);
      case QTY_BARE_NUMBER -> new Amount(BigDecimal.valueOf(n), (r.nextBoolean() ? " " : "") + n, false);
      case QTY_FULL_WIDTH_DIGITS -> new Amount(BigDecimal.valueOf(n), Numerals.fullWidth(String.valueOf(n)) + u, false);
      case QTY_CHINESE_NUMERAL -> new Amount(BigDecimal.valueOf(n), Numerals.chinese(n) + u, false);
      case QTY_LIA_SA -> {
        int k = 2 + r.nextInt(2);
        yield new Amount(BigDecimal.valueOf(k), OrderRenderer.pickOne(List.of("要", "来", ""), r) + (k == 2 ? "俩" : "仨"), false);
      }
      case QTY_TIMES_X -> new Amount(BigDecimal.valueOf(n), (r.nextBoolean() ? " " : "") + (r.nextBoolean() ? "x" : "X") + n, false);
      case QTY_TIMES_CROSS -> new Amount(BigDecimal.valueOf(n), "×" + n, false);
      case QTY_TIMES_STAR -> new Amount(BigDecimal.valueOf(n), "*" + n, false);
      case QTY_PORTIONS -> new Amount(BigDecimal.valueOf(n), n + "份", false);
      case QTY_DEFAULT_ONE -> new Amount(BigDecimal.ONE, "", false);
      case QTY_JIN_AND_HALF -> OrderRenderer.pickOne(List.of(
          new Amount(new BigDecimal("0.5"), "半斤", false), new Amount(new BigDecimal("1.5"), "1斤半", false),
          new Amount(new BigDecimal("1.5"), "一斤半", false), new Amount(new BigDecimal("2.5"), "两斤半", false),
          new Amount(new BigDecimal("2.5"), "2斤半", false), new Amount(new BigDecimal("3.5"), "三斤半", false)), r);
      case QTY_JIN_AND_LIANG -> OrderRenderer.pickOne(List.of(
          new Amount(new BigDecimal("1.2"), "1斤2两", false), new Amount(new BigDecimal("0.3"), "3两", false),
          new Amount(new BigDecimal("1.8"), "一斤八两", false), new Amount(new BigDecimal("2.5"), "2斤5两", false),
          new Amount(new BigDecimal("0.8"), "八两", false)), r);
      case QTY_GRAMS -> OrderRenderer.pickOne(List.of(
          new Amount(BigDecimal.ONE, "500克", false), new Amount(BigDecimal.ONE, "500g", false),
          new Amount(new BigDecimal("0.5"), "250克", false), new Amount(new BigDecimal("1.5"), "750g", false),
          new Amount(new BigDecimal("2"), "1000克", false), new Amount(new BigDecimal("3"), "1500g", false)), r);
      case QTY_KILOGRAMS -> OrderRenderer.pickOne(List.of(
          new Amount(new BigDecimal("2"), "1公斤", false), new Amount(new BigDecimal("2"), "1kg", false),
          new Amount(new BigDecimal("4"), "2公斤", false), new Amount(new BigDecimal("4"), "2KG", false),
          new Amount(new BigDecimal("3"), "1.5公斤", false), new Amount(BigDecimal.ONE, "0.5kg", false)), r);
      default -> new Amount(BigDecimal.valueOf(n), (r.nextInt(4) == 0 ? " " : "") + n + u, false);
    };
  }

  /** Mostly small counts, sometimes ten or twelve (十, 十二). */
  private static int count(Random r) {
    int k = r.nextInt(10);
    return k < 8 ? 1 + r.nextInt(5) : (k == 8 ? 10 : 12);
  }
}

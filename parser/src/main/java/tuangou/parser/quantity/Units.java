package tuangou.parser.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units residents write after a number, and conversion between weights.
 *
 * <p>Weights convert exactly ({@code 1公斤} is 2 斤, {@code 500克} is 1 斤); every other unit
 * converts only to itself, because {@code 苹果3个} says nothing about how many 斤 that is.
 * {@code 份} and "no unit" mean "the item's own unit".
 */
public final class Units {
  /** Longest first, so that {@code 公斤} wins over {@code 斤}. */
  static final List<String> ALL = List.of(
      "公斤", "千克", "kg", "毫升", "ml", "斤", "克", "g", "两", "升",
      "个", "盒", "把", "串", "板", "箱", "袋", "包", "份", "瓶", "只", "条", "颗", "枚", "提",
      "桶", "罐", "听", "支", "根", "件", "杯", "粒", "棵", "捆", "扎", "束", "筐", "篮", "盘",
      "打", "对", "双", "套", "碗", "壶", "盆", "排", "卷", "片", "朵", "头", "斗", "兜", "拼");

  private static final Map<String, BigDecimal> JIN_PER_UNIT = Map.of(
      "斤", BigDecimal.ONE,
      "公斤", BigDecimal.valueOf(2),
      "千克", BigDecimal.valueOf(2),
      "kg", BigDecimal.valueOf(2),
      "克", new BigDecimal("0.002"),
      "g", new BigDecimal("0.002"),
      "两", new BigDecimal("0.1"));

  /**
   * Units that count single pieces: 个, the classifier of anything, counts them too ("牙膏少要一个",
   * "猪蹄4个"). A container (盒, 袋, 箱, 把) holds several, so "蛋挞6个" is still asked.
   */
  private static final java.util.Set<String> PIECES = java.util.Set.of("只", "支", "条", "根", "颗", "枚", "棵", "头");

  private static final Map<String, String> VOLUME = Map.of("ml", "ml", "毫升", "ml", "升", "l");

  private Units() {}

  /** The unit at {@code text[from..]}, or empty. */
  static Optional<String> unitAt(String text, int from) {
    for (String unit : ALL) {
      if (text.startsWith(unit, from)) {
        if (isLatin(unit) && from + unit.length() < text.length()
            && isLatinLetter(text.charAt(from + unit.length()))) {
          continue; // "5gb" is not grams, but "2kg苹果" is
        }
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }

  private static boolean isLatinLetter(char c) {
    return c < 128 && Character.isLetter(c);
  }

  public static boolean isWeight(String unit) {
    return JIN_PER_UNIT.containsKey(unit);
  }

  static boolean isVolume(String unit) {
    return VOLUME.containsKey(unit);
  }

  /** True when the unit leaves the item's own unit in charge. */
  public static boolean isNeutral(String unit) {
    return unit.isEmpty() || unit.equals("份");
  }

  /**
   * {@code quantity} expressed in {@code itemUnit}, or empty when the two units cannot be
   * converted into each other.
   */
  public static Optional<BigDecimal> convert(Quantity quantity, String itemUnit) {
    String from = quantity.unit();
    String to = canonical(itemUnit);
    if (isNeutral(from) || canonical(from).equals(to) || from.equals("个") && PIECES.contains(to)) {
      return Optional.of(quantity.amount());
    }
    BigDecimal fromJin = JIN_PER_UNIT.get(canonical(from));
    BigDecimal toJin = JIN_PER_UNIT.get(to);
    if (fromJin == null || toJin == null) {
      return Optional.empty();
    }
    BigDecimal converted = quantity.amount().multiply(fromJin).divide(toJin, 3, RoundingMode.HALF_UP);
    return Optional.of(converted.stripTrailingZeros());
  }

  private static String canonical(String unit) {
    String u = unit.trim().toLowerCase();
    return switch (u) {
      case "千克", "kg" -> "公斤";
      case "g" -> "克";
      default -> u;
    };
  }

  private static boolean isLatin(String unit) {
    return unit.chars().allMatch(c -> c < 128);
  }
}

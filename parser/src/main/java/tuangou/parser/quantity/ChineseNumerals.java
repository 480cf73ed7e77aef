package tuangou.parser.quantity;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads Chinese numerals as residents type them: {@code 一 两 俩 十二 二十 一百零五 半}.
 */
public final class ChineseNumerals {
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private ChineseNumerals() {}

  /** True for every character that can be part of a Chinese numeral. */
  public static boolean isNumeralChar(char c) {
    return digit(c) >= 0 || multiplier(c) > 0 || c == '半';
  }

  /** The value of a whole numeral, or empty when {@code text} is not one. */
  public static Optional<BigDecimal> parse(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.equals("半")) {
      return Optional.of(HALF);
    }
    long total = 0;
    long section = 0;
    long pendingDigit = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int d = digit(c);
      int m = multiplier(c);
      if (d >= 0) {
        if (pendingDigit > 0) {
          return Optional.empty(); // "三四" is a range or a typo, not a number
        }
        pendingDigit = d;
      } else if (m > 0) {
        long base = pendingDigit < 0 ? 1 : pendingDigit; // "十二" starts with an implicit one
        if (m == 10_000) {
          total = (total + section + Math.max(pendingDigit, 0)) * m;
          section = 0;
        } else {
          section += base * m;
        }
        pendingDigit = -1;
      } else {
        return Optional.empty();
      }
    }
    long value = total + section + Math.max(pendingDigit, 0);
    return value > 0 ? Optional.of(BigDecimal.valueOf(value)) : Optional.empty();
  }

  private static int digit(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两', '俩' -> 2;
      case '三', '仨' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }

  private static int multiplier(char c) {
    return switch (c) {
      case '十' -> 10;
      case '百' -> 100;
      case '千' -> 1000;
      case '万' -> 10_000;
      default -> 0;
    };
  }
}

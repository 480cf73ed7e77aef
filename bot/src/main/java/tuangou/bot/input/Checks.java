package tuangou.bot.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;

/**
 * Pure checks of values from outside: each returns the value typed and trimmed, or throws
 * {@link InvalidInput} naming the field. No control character gets past {@link #identifier} or
 * {@link #name} (PostgreSQL refuses NUL; the rest are never meant), and every string has a limit
 * from {@link Limits}.
 */
public final class Checks {
  private Checks() {}

  /** A required identifier: a non-blank string of at most {@link Limits#ID_CHARS}, no control characters. */
  public static String identifier(String field, Object value) {
    return name(field, value, Limits.ID_CHARS);
  }

  /** An identifier that may be absent (null); present, it is checked like a required one. */
  public static String optionalIdentifier(String field, Object value) {
    return value == null ? null : identifier(field, value);
  }

  /** A required one-line string of at most {@code max} characters, trimmed, no control characters. */
  public static String name(String field, Object value, int max) {
    String s = string(field, value, max, false);
    if (s.isEmpty()) {
      throw new InvalidInput(field, "\"" + field + "\" is required and must be a non-empty string");
    }
    return s;
  }

  /** A one-line string that may be absent (null) or empty; present, at most {@code max} characters. */
  public static String optionalName(String field, Object value, int max) {
    return value == null ? null : string(field, value, max, false);
  }

  /** Free text of at most {@code max} characters: line breaks and tabs allowed, other control characters not. */
  public static String text(String field, Object value, int max) {
    return string(field, value, max, true);
  }

  private static String string(String field, Object value, int max, boolean lines) {
    if (!(value instanceof String s)) {
      throw new InvalidInput(field, "\"" + field + "\" must be a string");
    }
    if (s.length() > max) {
      throw new InvalidInput(field, "\"" + field + "\" is longer than " + max + " characters");
    }
    int bad = firstControl(s, lines);
    if (bad >= 0) {
      throw new InvalidInput(field, "\"" + field + "\" contains a control character (U+"
          + String.format("%04X", (int) s.charAt(bad)) + ") at position " + bad);
    }
    return s.strip();
  }

  /**
   * The index of the first character not allowed in text, or -1: C0 and C1 controls (NUL among
   * them), DEL, and lone surrogates; with {@code lines}, tab, line feed and carriage return pass.
   */
  public static int firstControl(String s, boolean lines) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        if (lines && (c == '\n' || c == '\r' || c == '\t')) {
          continue;
        }
        return i;
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** A whole number in [min, max]: a JSON integer, or a float with no fraction (2.0); never null. */
  public static long whole(String field, Object value, long min, long max) {
    BigDecimal d = number(field, value);
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw new InvalidInput(field, "\"" + field + "\" must be a whole number");
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInput(field, "\"" + field + "\" must be between " + min + " and " + max);
    }
    return d.longValueExact();
  }

  /** A finite JSON number as a BigDecimal; NaN, infinities (1e99999) and non-numbers are refused. */
  public static BigDecimal number(String field, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof BigDecimal b) {
      return b;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new InvalidInput(field, "\"" + field + "\" is out of range");
      }
      return new BigDecimal(Double.toString(d));
    }
    throw new InvalidInput(field, "\"" + field + "\" must be a number");
  }

  /** Unix seconds within [{@link Limits#EARLIEST_EPOCH_SECOND}, {@link Limits#LATEST_EPOCH_SECOND}). */
  public static long epochSecond(String field, long seconds) {
    if (seconds < Limits.EARLIEST_EPOCH_SECOND || seconds >= Limits.LATEST_EPOCH_SECOND) {
      throw new InvalidInput(field, "\"" + field + "\" must be a time between 2000 and 2100");
    }
    return seconds;
  }

  /** A time within the years 2000 to 2099, or null when absent. */
  public static OffsetDateTime time(String field, OffsetDateTime t) {
    if (t != null) {
      epochSecond(field, t.toEpochSecond());
    }
    return t;
  }
}

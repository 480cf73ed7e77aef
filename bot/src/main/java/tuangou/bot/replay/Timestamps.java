package tuangou.bot.replay;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 times with offset as transcripts write them. The usual shape,
 * {@code 2026-11-22T20:01:00+08:00}, is read by position, which is several times cheaper than the
 * general formatter that every other shape still goes through.
 */
final class Timestamps {
  private Timestamps() {}

  static OffsetDateTime parse(String ts) {
    if (ts.length() == 25 && ts.charAt(4) == '-' && ts.charAt(7) == '-' && ts.charAt(10) == 'T'
        && ts.charAt(13) == ':' && ts.charAt(16) == ':' && (ts.charAt(19) == '+' || ts.charAt(19) == '-')
        && ts.charAt(22) == ':') {
      int year = digits(ts, 0, 4);
      int month = digits(ts, 5, 7);
      int day = digits(ts, 8, 10);
      int hour = digits(ts, 11, 13);
      int minute = digits(ts, 14, 16);
      int second = digits(ts, 17, 19);
      int offHours = digits(ts, 20, 22);
      int offMinutes = digits(ts, 23, 25);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && offHours >= 0
          && offMinutes >= 0) {
        try {
          int sign = ts.charAt(19) == '-' ? -1 : 1;
          return OffsetDateTime.of(year, month, day, hour, minute, second, 0,
              ZoneOffset.ofHoursMinutes(sign * offHours, sign * offMinutes));
        } catch (java.time.DateTimeException e) {
          throw new DateTimeParseException(e.getMessage(), ts, 0);
        }
      }
    }
    return OffsetDateTime.parse(ts);
  }

  /** The number written in {@code s[from, to)}, or -1 when a character there is not a digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}

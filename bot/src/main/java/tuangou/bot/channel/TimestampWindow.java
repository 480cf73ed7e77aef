package tuangou.bot.channel;

import java.time.Clock;

/**
 * How far a signed request's timestamp (unix seconds) may be from now, so that a captured request
 * cannot be replayed later; 0 turns the window off (any number is then admitted).
 */
public record TimestampWindow(int maxSkewSeconds, Clock clock) {

  /** True when {@code unixSeconds} is a number within the window. */
  public boolean admits(String unixSeconds) {
    if (unixSeconds == null || unixSeconds.length() > 20) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(unixSeconds.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    return maxSkewSeconds == 0 || within(clock.instant().getEpochSecond(), seconds, maxSkewSeconds);
  }

  /**
   * |now - t| <= skew without overflow: {@code now - t} can overflow for t near Long.MIN_VALUE (and
   * Math.abs(Long.MIN_VALUE) is negative), which once admitted {@code now + Long.MIN_VALUE}.
   */
  static boolean within(long now, long t, long skew) {
    try {
      long diff = Math.subtractExact(now, t);
      return diff != Long.MIN_VALUE && Math.abs(diff) <= skew;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }
}

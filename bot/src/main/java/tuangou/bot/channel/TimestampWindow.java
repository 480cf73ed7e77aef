package tuangou.bot.channel;

import java.time.Clock;

/**
 * How far a signed request's timestamp (unix seconds) may be from now, so that a captured request
 * cannot be replayed later; 0 turns the window off.
 */
public record TimestampWindow(int maxSkewSeconds, Clock clock) {

  /** True when {@code unixSeconds} is a number within the window. */
  public boolean admits(String unixSeconds) {
    if (unixSeconds == null) {
      return false;
    }
    try {
      long seconds = Long.parseLong(unixSeconds.trim());
      return maxSkewSeconds == 0 || Math.abs(clock.instant().getEpochSecond() - seconds) <= maxSkewSeconds;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

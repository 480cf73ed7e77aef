package tuangou.bot.schedule;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Hours when the bot posts nothing on its own (default 22:00–07:30 local): neighbours' phones stay
 * quiet at night. A window may cross midnight; start equal to end means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** When a push due at {@code at} may go: empty if now, else the end of the quiet hours. */
  public Optional<OffsetDateTime> holdUntil(OffsetDateTime at) {
    if (start.equals(end)) {
      return Optional.empty();
    }
    ZonedDateTime local = at.atZoneSameInstant(zone);
    LocalTime t = local.toLocalTime();
    boolean quiet = start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime until = local.with(end);
    if (!until.isAfter(local)) {
      until = until.plusDays(1);
    }
    return Optional.of(until.toOffsetDateTime());
  }
}

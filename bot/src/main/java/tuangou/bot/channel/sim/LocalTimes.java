package tuangou.bot.channel.sim;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Adds the service's local date and time to a simulator message, so that the page shows the time
 * residents see on their phones (the configured zone, Asia/Shanghai by default) whatever the
 * browser's zone is.
 */
final class LocalTimes {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ZoneId zone;

  LocalTimes(ZoneId zone) {
    this.zone = zone;
  }

  /** {@code message} with {@code time} (HH:mm) and {@code date} (yyyy-MM-dd) from its {@code at}. */
  JsonObject stamp(JsonObject message) {
    var local = OffsetDateTime.parse(message.getString("at")).atZoneSameInstant(zone);
    return message.put("time", TIME.format(local)).put("date", local.toLocalDate().toString());
  }
}

package tuangou.bot.channel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimesTest {
  private final LocalTimes shanghai = new LocalTimes(ZoneId.of("Asia/Shanghai"));

  @Test
  void timeIsTheServiceZonesClockNotTheStoredOffset() {
    JsonObject m = shanghai.stamp(new JsonObject().put("at", "2026-11-30T13:05:09Z"));
    assertThat(m.getString("time")).isEqualTo("21:05");
    assertThat(m.getString("date")).isEqualTo("2026-11-30");
  }

  @Test
  void lateUtcEveningIsTheNextLocalDay() {
    JsonObject m = shanghai.stamp(new JsonObject().put("at", "2026-11-30T17:30:00.123456Z"));
    assertThat(m.getString("time")).isEqualTo("01:30");
    assertThat(m.getString("date")).isEqualTo("2026-12-01");
  }

  @Test
  void anOffsetOtherThanUtcIsReadAsTheSameInstant() {
    JsonObject m = shanghai.stamp(new JsonObject().put("at", "2026-11-30T09:00:00-05:00"));
    assertThat(m.getString("time")).isEqualTo("22:00");
  }
}

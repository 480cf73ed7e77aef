package tuangou.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30), SHANGHAI);

  private static OffsetDateTime at(String local) {
    return OffsetDateTime.parse(local + "+08:00");
  }

  @Test
  void pushesAtNightWaitForTheMorningAcrossMidnight() {
    assertThat(NIGHT.holdUntil(at("2026-11-23T21:59:59"))).isEmpty();
    assertThat(NIGHT.holdUntil(at("2026-11-23T22:00:00"))).contains(at("2026-11-24T07:30:00"));
    assertThat(NIGHT.holdUntil(at("2026-11-24T03:00:00"))).contains(at("2026-11-24T07:30:00"));
    assertThat(NIGHT.holdUntil(at("2026-11-24T07:30:00"))).isEmpty();
    // the clock's own offset does not matter: 23:00 UTC is 07:00 in Shanghai
    assertThat(NIGHT.holdUntil(OffsetDateTime.parse("2026-11-23T23:00:00Z"))).contains(at("2026-11-24T07:30:00"));
  }

  @Test
  void aWindowWithinOneDayAndNoWindow() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
    assertThat(lunch.holdUntil(at("2026-11-23T13:00:00"))).contains(at("2026-11-23T14:00:00"));
    assertThat(lunch.holdUntil(at("2026-11-23T23:00:00"))).isEmpty();
    assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI).holdUntil(at("2026-11-23T03:00:00")))
        .isEmpty();
  }

  @Test
  void pickupReminderTimesFollowArrival() {
    JobPlanner planner = new JobPlanner(null, 60, java.util.List.of("+2h", "19:00", "09:00"), SHANGHAI);
    OffsetDateTime arrived = at("2026-11-24T16:10:00");
    assertThat(planner.at("+2h", arrived)).isEqualTo(at("2026-11-24T18:10:00"));
    assertThat(planner.at("19:00", arrived)).isEqualTo(at("2026-11-24T19:00:00"));
    assertThat(planner.at("09:00", arrived)).isEqualTo(at("2026-11-25T09:00:00"));
    assertThat(planner.at("+30m", arrived)).isEqualTo(at("2026-11-24T16:40:00"));
  }
}

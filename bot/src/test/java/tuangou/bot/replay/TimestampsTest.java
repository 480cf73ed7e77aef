package tuangou.bot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T20:01:00+08:00", "2026-01-05T03:04:59-05:30", "2026-11-22T20:01:00.5+08:00",
      "2026-11-22T20:01:00Z", "2024-02-29T23:59:59+00:00"})
  void readsAsTheIsoFormatterDoes(String ts) {
    assertThat(Timestamps.parse(ts)).isEqualTo(OffsetDateTime.parse(ts));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-22T20:01:00+08:00", "2026-02-30T20:01:00+08:00", "2026-11-22T20:01:0x+08:00",
      "2026-11-22 20:01:00+08:00", "yesterday"})
  void refusesWhatTheIsoFormatterRefuses(String ts) {
    assertThatThrownBy(() -> Timestamps.parse(ts)).isInstanceOf(DateTimeParseException.class);
  }
}

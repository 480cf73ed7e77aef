package tuangou.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampWindowTest {
  private static final long NOW = 1_700_000_000L;
  private final TimestampWindow window = new TimestampWindow(300, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @Test
  void admitsOnlyTimesWithinTheSkew() {
    assertThat(window.admits(String.valueOf(NOW))).isTrue();
    assertThat(window.admits(String.valueOf(NOW - 300))).isTrue();
    assertThat(window.admits(String.valueOf(NOW + 301))).isFalse();
    assertThat(window.admits("soon")).isFalse();
    assertThat(window.admits(null)).isFalse();
  }

  @Test
  void overflowingTimesAreRefused() {
    assertThat(window.admits(String.valueOf(NOW + Long.MIN_VALUE))).as("now + Long.MIN_VALUE").isFalse();
    assertThat(window.admits(String.valueOf(Long.MIN_VALUE))).isFalse();
    assertThat(window.admits(String.valueOf(Long.MAX_VALUE))).isFalse();
    assertThat(TimestampWindow.within(Long.MAX_VALUE, Long.MIN_VALUE, 300)).isFalse();
    assertThat(TimestampWindow.within(0, Long.MIN_VALUE, Long.MAX_VALUE)).as("|0 - MIN| is past every skew").isFalse();
  }
}

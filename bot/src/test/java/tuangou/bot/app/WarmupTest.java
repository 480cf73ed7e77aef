package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void theMadeUpEveningIsReadToItsEndWithoutTrippingOverItself() {
    // no time limit to speak of: it stops at its own end, and a failure would stop it early
    assertThat(Warmup.run(600_000, 2_000)).isEqualTo(2_000);
  }
}

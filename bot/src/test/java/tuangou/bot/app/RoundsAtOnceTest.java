package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many rounds run at once: by the cores, within what the pool can spare. */
class RoundsAtOnceTest {
  @Test
  void twoCoresSharedWithTheDatabaseRunOneRoundAtATime() {
    assertThat(Engine.rounds(16, 2)).isEqualTo(1);
    assertThat(Engine.rounds(16, 1)).isEqualTo(1);
  }

  @Test
  void moreCoresRunMoreRoundsUpToThreeAndNeverMoreThanThePoolCanSpare() {
    assertThat(Engine.rounds(16, 4)).isEqualTo(2);
    assertThat(Engine.rounds(16, 32)).isEqualTo(3);
    assertThat(Engine.rounds(6, 32)).isEqualTo(2);
    assertThat(Engine.rounds(4, 32)).isEqualTo(1);
  }
}

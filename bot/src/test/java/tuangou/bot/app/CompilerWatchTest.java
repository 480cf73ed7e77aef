package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompilerWatchTest {
  @Test
  void settlesOnlyAfterAWholeWindowOfLittleCompiling() {
    AtomicLong compiled = new AtomicLong();
    CompilerWatch watch = new CompilerWatch(compiled::get);
    // two compiler threads busy: 500 ms of compiling every 250 ms look
    for (int i = 0; i < 20; i++) {
      compiled.addAndGet(500);
      watch.look();
      assertThat(watch.settled()).isFalse();
    }
    // then next to nothing: settled once the busy looks have left the two-second window
    int looks = 0;
    while (!watch.settled() && looks < 50) {
      compiled.addAndGet(5);
      watch.look();
      looks++;
    }
    assertThat(looks).isEqualTo(8);
  }

  @Test
  void aSteadyTrickleAboveTheShareNeverSettles() {
    AtomicLong compiled = new AtomicLong();
    CompilerWatch watch = new CompilerWatch(compiled::get);
    for (int i = 0; i < 100; i++) {
      compiled.addAndGet(50); // a fifth of the time
      watch.look();
    }
    assertThat(watch.settled()).isFalse();
  }

  @Test
  void aJvmThatDoesNotCountCompileTimeNeverSettles() {
    CompilerWatch watch = new CompilerWatch(null);
    for (int i = 0; i < 20; i++) {
      watch.look();
    }
    assertThat(watch.settled()).isFalse();
  }
}

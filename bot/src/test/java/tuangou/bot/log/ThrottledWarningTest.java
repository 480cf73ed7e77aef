package tuangou.bot.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ThrottledWarningTest {
  @Test
  void aFaultRepeatedEveryTickIsOneLinePerIntervalWithTheCountOfTheRest() {
    Logger log = Logger.getLogger("throttled-" + System.nanoTime());
    log.setUseParentHandlers(false);
    List<String> lines = new ArrayList<>();
    log.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    AtomicLong now = new AtomicLong(5_000_000_000L);
    ThrottledWarning warning = new ThrottledWarning(log, 10_000, now::get);
    for (int tick = 0; tick < 50; tick++) {
      warning.warn("outbox drain failed");
      now.addAndGet(100_000_000L); // a tick every 100 ms: 5 s in all
    }
    assertThat(lines).containsExactly("outbox drain failed");
    now.addAndGet(10_000_000_000L);
    warning.warn("outbox drain failed");
    assertThat(lines).containsExactly("outbox drain failed",
        "outbox drain failed (and 49 more like it since the last such line)");
  }

  @Test
  void aFailureIsNamedByItsClassAndTheFirstLineOfItsMessage() {
    assertThat(ThrottledWarning.firstLine(new IllegalStateException("connection closed\n  at the driver")))
        .isEqualTo("IllegalStateException: connection closed");
  }
}

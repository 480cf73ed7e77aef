package tuangou.bot.log;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One WARN line per interval for a fault that repeats with every request or tick while it lasts (a
 * database outage), with how many were not logged: the log says what happens without flooding.
 */
public final class ThrottledWarning {
  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong quiet = new AtomicLong();

  public ThrottledWarning(Logger log, long intervalMs) {
    this(log, intervalMs, System::nanoTime);
  }

  ThrottledWarning(Logger log, long intervalMs, LongSupplier nanoTime) {
    this.log = log;
    this.intervalNanos = intervalMs * 1_000_000L;
    this.nanoTime = nanoTime;
  }

  /** Logs {@code message}, or counts it when a line was logged less than an interval ago. */
  public void warn(String message) {
    long now = nanoTime.getAsLong();
    long due = next.get();
    if ((due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + intervalNanos)) {
      long more = quiet.getAndSet(0);
      log.warning(message + (more > 0 ? " (and " + more + " more like it since the last such line)" : ""));
    } else {
      quiet.incrementAndGet();
    }
  }

  /** The first line of a failure's message: a driver's multi-line text stays one log line. */
  public static String firstLine(Throwable t) {
    String s = t.getMessage();
    return t.getClass().getSimpleName() + ": " + (s == null ? "" : s.lines().findFirst().orElse(""));
  }
}

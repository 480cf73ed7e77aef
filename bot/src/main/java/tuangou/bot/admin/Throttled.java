package tuangou.bot.admin;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One WARN line per interval for a fault that repeats with every request while it lasts (a database
 * outage), with how many were not logged: the log says what happens without flooding.
 */
final class Throttled {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong quiet = new AtomicLong();

  Throttled(Logger log, long intervalMs) {
    this.log = log;
    this.intervalNanos = intervalMs * 1_000_000L;
  }

  void note(String where, Throwable t) {
    long now = System.nanoTime();
    long due = next.get();
    if ((due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + intervalNanos)) {
      long more = quiet.getAndSet(0);
      log.warning("answered 503 on " + where + ": " + t.getClass().getSimpleName() + ": " + firstLine(t.getMessage())
          + (more > 0 ? " (and " + more + " more 503s since the last such line)" : ""));
    } else {
      quiet.incrementAndGet();
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}

package tuangou.bot.app;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Tells when the JIT compilers have settled: over the last few looks they spent less than a small
 * share of the time compiling. Read from the JVM's own count of compile time, so it holds on a slow
 * machine and a fast one alike, where a fixed warm-up would be too short on one or wasted on the other.
 */
final class CompilerWatch {
  static final long PERIOD_MS = 250;
  /** Looks that make up the window: two seconds. */
  private static final int WINDOW = 8;
  /**
   * Compile time allowed in the window, as a share of it (the compiler threads' times add up, so a
   * busy pair shows 2): methods keep compiling for minutes, a few at a time.
   */
  private static final double SETTLED_SHARE = 0.15;
  /** The compile time so far, in ms; null where the JVM does not count it (never settled, then). */
  private final LongSupplier compiledMs;
  private final long[] seen = new long[WINDOW + 1];
  private int looks;
  private volatile boolean settled;

  /** Watches this JVM's compilers. */
  CompilerWatch() {
    this(jvm());
  }

  CompilerWatch(LongSupplier compiledMs) {
    this.compiledMs = compiledMs;
  }

  private static LongSupplier jvm() {
    CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
    return bean == null || !bean.isCompilationTimeMonitoringSupported() ? null : bean::getTotalCompilationTime;
  }

  /** Takes a look; every {@link #PERIOD_MS}. */
  void look() {
    if (compiledMs == null) {
      return;
    }
    long now = compiledMs.getAsLong();
    seen[looks % seen.length] = now;
    looks++;
    if (looks > WINDOW) {
      long before = seen[(looks - 1 - WINDOW) % seen.length];
      double share = (now - before) / (double) (WINDOW * PERIOD_MS);
      settled = share < SETTLED_SHARE;
    }
  }

  boolean settled() {
    return settled;
  }
}

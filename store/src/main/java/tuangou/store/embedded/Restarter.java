package tuangou.store.embedded;

import java.util.logging.Logger;

/**
 * Restarts one embedded server once it is found dead, with a growing pause between failed attempts
 * (1 s, 2 s, 4 s … at most 30 s), so a server that cannot start does not spin. Driven by one
 * watchdog thread; counts successful restarts and failed attempts.
 */
final class Restarter {
  private static final Logger LOG = Logger.getLogger(Restarter.class.getName());
  private static final long FIRST_PAUSE_MS = 1000;
  private static final long LONGEST_PAUSE_MS = 30_000;

  interface Start {
    void run() throws Exception;
  }

  private final String name;
  private final Start start;
  private volatile long restarts;
  private volatile long failures;
  private long pauseMs = FIRST_PAUSE_MS;
  private long notBefore;
  private boolean down;

  Restarter(String name, Start start) {
    this.name = name;
    this.start = start;
  }

  /** Called every second with whether the server runs; restarts it when it does not and the pause is over. */
  void check(boolean running) {
    if (running) {
      if (down) {
        down = false;
        pauseMs = FIRST_PAUSE_MS;
      }
      return;
    }
    long now = System.nanoTime();
    if (!down) {
      down = true;
      notBefore = now;
      LOG.warning("the embedded " + name + " has stopped; restarting it");
    }
    if (now - notBefore < 0) {
      return;
    }
    long began = System.nanoTime();
    try {
      start.run();
      restarts++;
      down = false;
      pauseMs = FIRST_PAUSE_MS;
      LOG.warning("the embedded " + name + " is running again after " + (System.nanoTime() - began) / 1_000_000
          + " ms (restart " + restarts + ")");
    } catch (Exception e) {
      failures++;
      notBefore = System.nanoTime() + pauseMs * 1_000_000L;
      LOG.warning("restarting the embedded " + name + " failed (" + e.getMessage() + "); next attempt in "
          + pauseMs + " ms");
      pauseMs = Math.min(LONGEST_PAUSE_MS, pauseMs * 2);
    }
  }

  long restarts() {
    return restarts;
  }

  long failures() {
    return failures;
  }
}

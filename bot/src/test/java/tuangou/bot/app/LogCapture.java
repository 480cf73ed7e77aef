package tuangou.bot.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the service logs (java.util.logging, where slf4j and Vert.x log too) while a test
 * runs: a failure is a record at SEVERE, one with a stack trace, or one about a value that got past
 * validation.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private LogCapture() {
    setLevel(Level.ALL);
  }

  static LogCapture start() {
    LogCapture capture = new LogCapture();
    Logger.getLogger("").addHandler(capture);
    return capture;
  }

  @Override
  public void publish(LogRecord r) {
    records.add(r);
  }

  /** The records that mean a failure: SEVERE, a stack trace, or a value that reached PostgreSQL unchecked. */
  List<String> failures() {
    return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null
            || String.valueOf(r.getMessage()).contains("got past validation"))
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
            + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
        .toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }
}

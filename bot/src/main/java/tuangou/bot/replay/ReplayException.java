package tuangou.bot.replay;

/** Input replay cannot read; its message is the one line printed on stderr. */
public final class ReplayException extends Exception {
  public ReplayException(String message) {
    super(message);
  }

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}

package tuangou.store;

import java.util.Locale;

/** Where a stored message is in its processing; stored in the inbox as the lower-case name. */
public enum InboxState {
  /** Stored, not yet processed (or to be processed again after a failure that may pass). */
  PENDING,
  /** Processed: its outcome and replies were written in its group's transaction. */
  DONE,
  /** Given up after repeated failures; kept for an operator to look at. */
  FAILED;

  /** The state of a stored row. */
  public static InboxState stored(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}

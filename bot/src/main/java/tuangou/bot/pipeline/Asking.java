package tuangou.bot.pipeline;

/**
 * Whether a group may have questions open to its residents, as the messages of one batch see it:
 * read with the batch's messages, and raised when one of them asks a question. Only then are the
 * open questions read for a message that may answer one. It is never lowered within the batch: a
 * question answered or settled meanwhile costs a read that finds nothing, never a missed answer.
 */
final class Asking {
  private boolean maybe;

  void asked() {
    maybe = true;
  }

  boolean maybe() {
    return maybe;
  }
}

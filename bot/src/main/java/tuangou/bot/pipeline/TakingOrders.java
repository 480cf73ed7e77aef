package tuangou.bot.pipeline;

/**
 * Whether the campaign takes orders, as the messages of one batch see it: a leader's 截单 in the
 * batch closes ordering for the messages after it, before the batch commits.
 */
final class TakingOrders {
  private boolean open;
  private boolean stepped;

  TakingOrders(boolean open) {
    this.open = open;
  }

  boolean open() {
    return open;
  }

  void close() {
    open = false;
  }

  /** A leader's 截单 or 到货 in the batch changed the campaign in the group. */
  void stepped() {
    stepped = true;
  }

  boolean wasStepped() {
    return stepped;
  }
}

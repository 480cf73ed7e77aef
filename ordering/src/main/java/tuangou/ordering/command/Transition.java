package tuangou.ordering.command;

/**
 * A step of the campaign that a chat command asks for. The engine only decides it; the applier
 * carries it out in the message's transaction, together with the message's other effects.
 */
public sealed interface Transition permits Transition.CloseOrdering, Transition.Arrive, Transition.VerifyPickup,
    Transition.SendCommission, Transition.KeepForReview {

  /** 截单: the group stops taking orders in this campaign, and its tally is posted. */
  record CloseOrdering(long campaignId) implements Transition {}

  /** 到货: the goods are at the pickup point; every resident with an order gets a pickup code. */
  record Arrive(long campaignId) implements Transition {}

  /**
   * 核销: the pickup whose code, label or name is {@code target} is collected. Its reply depends on
   * what the store finds, so the applier words it.
   */
  record VerifyPickup(long campaignId, String target, String by) implements Transition {}

  /** 佣金: the leader's commission figures, in private. */
  record SendCommission(boolean lastMonth) implements Transition {}

  /** The message goes in the leader's review queue (an after-sales request) until they settle it. */
  record KeepForReview() implements Transition {}
}

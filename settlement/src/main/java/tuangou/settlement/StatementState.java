package tuangou.settlement;

/** Whether a statement may still be recomputed, or has been agreed with the leader and locked. */
public enum StatementState {
  /** Computed from the ledger as it stands; recomputing it may give other figures while the month runs. */
  DRAFT,
  /** Agreed and locked: a snapshot of an ended month, which later entries cannot reach. */
  CONFIRMED
}

package tuangou.settlement;

/**
 * The kinds of ledger entry, each with the sign it has on the leader's balance and the prefix of its
 * source reference. The prefix ties a reference to one kind, so a source such as {@code refund:45}
 * names exactly one entry and booking it twice can be refused.
 */
public enum EntryKind {
  /** Commission earned on a settled line; positive. Source {@code line:<order line id>}. */
  ACCRUAL("line"),
  /** Commission taken back by a refund; zero or negative. Source {@code refund:<refund id>}. */
  REVERSAL("refund"),
  /** A bonus (positive) or penalty (negative), with a reason. Source {@code adjustment:<id>}. */
  ADJUSTMENT("adjustment"),
  /** Money paid to the leader, which lowers what is owed; negative. Source {@code payout:<id>}. */
  PAYOUT("payout");

  private final String prefix;

  EntryKind(String prefix) {
    this.prefix = prefix;
  }

  /** The word before the colon in this kind's source references. */
  public String prefix() {
    return prefix;
  }

  /** The source reference of this kind for the record {@code id}: {@code prefix + ":" + id}. */
  public String source(long id) {
    return prefix + ":" + id;
  }

  /** Whether {@code source} is a reference of this kind: the prefix, a colon, then something. */
  public boolean owns(String source) {
    // checked for every entry made: no string built for it
    return source.length() > prefix.length() + 1 && source.startsWith(prefix) && source.charAt(prefix.length()) == ':';
  }
}

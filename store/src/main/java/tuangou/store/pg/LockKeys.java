package tuangou.store.pg;

/**
 * The first keys of PostgreSQL's two-key advisory locks, one per kind of lock, kept apart here so
 * that no two kinds ever share a key. The second key is the group's id.
 */
final class LockKeys {
  private LockKeys() {}

  /** Held while one group's messages are applied, so they apply one at a time, in arrival order. */
  static final int GROUP = 7_200_101;

  /** Held by inbox inserts of one group until they commit, so inbox ids follow commit order. */
  static final int ARRIVAL = 7_200_102;

  /** Held while pickup codes are drawn, so that two arrivals at once never draw the same open code. */
  static final int PICKUP_CODES = 7_200_103;

  /** Held by a settlement run (second key 0), so that runs of several instances never book at once. */
  static final int SETTLEMENT = 7_200_104;
}

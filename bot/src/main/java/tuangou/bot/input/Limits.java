package tuangou.bot.input;

/**
 * Every size and range the service accepts at its edge, in one place: the admin API, the bridge,
 * the WeCom callback and the simulator check what comes in against these before anything is stored,
 * so that no value can reach PostgreSQL that it would refuse (a NUL character, an index row too
 * large, a timestamp out of range) and no message can cost more than a normal one.
 *
 * <p>Lengths are in Java characters (UTF-16 units; a Chinese character is one).
 */
public final class Limits {
  private Limits() {}

  /** Identifiers: chat ids, sender ids, message ids, product ids, WeCom user ids, request ids. */
  public static final int ID_CHARS = 128;
  /** Names: of leaders, groups, residents, products, campaigns; aliases, units, specs, labels. */
  public static final int NAME_CHARS = 100;
  /** A pickup point, an address. */
  public static final int PLACE_CHARS = 200;
  /** A phone number. */
  public static final int PHONE_CHARS = 32;
  /** Free text of the back office: a refund's reason, a payout's note. */
  public static final int NOTE_CHARS = 500;

  /**
   * A chat message's text. A 接龙 of a full WeChat group (500 members) at 25 characters an entry is
   * 12,500; a longer message is stored cut, marked, and answered "too long" without being read
   * (never half-read).
   */
  public static final int MESSAGE_CHARS = 20_000;
  /**
   * Entries of one chain, and order changes of one message: a message that would make more is
   * refused whole, and the sender is told why. Twice a full WeChat group.
   */
  public static final int MESSAGE_ENTRIES = 1_000;
  /** One reply of the bot; a longer one is cut and ends with a note. */
  public static final int REPLY_CHARS = 1_500;
  /** People mentioned in one message. */
  public static final int MENTIONS = 100;

  /** Items of one campaign, aliases of one item, groups named in one call. */
  public static final int CAMPAIGN_ITEMS = 500;
  public static final int ALIASES = 20;
  public static final int GROUPS_PER_CALL = 5_000;
  /** Deal numbers 1..9999. */
  public static final int MAX_DEAL_NO = 9_999;

  /** 100 million yuan: a larger price, cost or amount is a typo, and would overflow sums of the ledger. */
  public static final long MAX_FEN = 10_000_000_000L;

  /** Times the service accepts from outside: [2000-01-01, 2100-01-01) UTC, in unix seconds. */
  public static final long EARLIEST_EPOCH_SECOND = 946_684_800L;
  public static final long LATEST_EPOCH_SECOND = 4_102_444_800L;
}

package tuangou.store;

import java.time.OffsetDateTime;

/**
 * A chat group of one channel ({@code wecom}, {@code bridge}, {@code sim}) run by a leader;
 * {@code leaderUser} is the leader's sender id in the chat, when known. A WeCom internal group may
 * have a group robot ({@code robotWebhookKey}); a customer group's member count and dismissal come
 * from WeCom's events. {@code codesInGroup}: the leader has turned on pickup codes in the group's
 * arrival notice, for a group whose residents cannot be messaged in private.
 */
public record ChatGroup(long id, String channel, String chatId, String name, long leaderId, String leaderUser,
    String pickupPoint, String robotWebhookKey, Integer memberCount, OffsetDateTime dismissedAt,
    boolean codesInGroup) {

  /** A group with codes kept out of its arrival notice (the default). */
  public ChatGroup(long id, String channel, String chatId, String name, long leaderId, String leaderUser,
      String pickupPoint, String robotWebhookKey, Integer memberCount, OffsetDateTime dismissedAt) {
    this(id, channel, chatId, name, leaderId, leaderUser, pickupPoint, robotWebhookKey, memberCount, dismissedAt, false);
  }

  /** A WeCom customer group (客户群): its chat id is an external one, and it takes only 群发 pushes. */
  public boolean isCustomerGroup() {
    return "wecom".equals(channel) && chatId.startsWith("wr");
  }

  /** Whether the bot can message a resident of the group in private: not in a customer group's. */
  public boolean canMessagePrivately() {
    return !isCustomerGroup();
  }
}

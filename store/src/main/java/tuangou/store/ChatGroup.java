package tuangou.store;

/**
 * A chat group of one channel ({@code wecom}, {@code bridge}, {@code sim}) run by a leader;
 * {@code leaderUser} is the leader's sender id in the chat, when known.
 */
public record ChatGroup(long id, String channel, String chatId, String name, long leaderId, String leaderUser,
    String pickupPoint) {}

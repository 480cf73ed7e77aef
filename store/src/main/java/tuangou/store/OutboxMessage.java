package tuangou.store;

import java.util.List;

/**
 * A message to send: to a chat ({@code chatId}) or privately ({@code recipient}).
 *
 * @param inReplyTo the inbox row it answers, or null for pushes
 */
public record OutboxMessage(long id, String channel, String chatId, String recipient, String text,
    List<String> mentions, Long inReplyTo, int attempts) {
  public OutboxMessage {
    mentions = List.copyOf(mentions);
  }
}

package tuangou.store;

import java.util.List;

/**
 * A message to queue in the outbox: to a chat, or privately to {@code recipient}. A draft with a
 * {@code dedupKey} is queued at most once, however often it is drafted (a retried job, a second
 * instance, an admin call repeated).
 */
public record OutboxDraft(String channel, String chatId, String recipient, String text, List<String> mentions,
    String dedupKey) {
  public OutboxDraft {
    if (chatId == null && recipient == null) {
      throw new IllegalArgumentException("a draft goes to a chat or a recipient");
    }
    mentions = List.copyOf(mentions);
  }

  public static OutboxDraft toPerson(String channel, String recipient, String text) {
    return new OutboxDraft(channel, null, recipient, text, List.of(), null);
  }

  public static OutboxDraft toChat(String channel, String chatId, String text, List<String> mentions, String dedupKey) {
    return new OutboxDraft(channel, chatId, null, text, mentions, dedupKey);
  }

  public OutboxDraft withDedupKey(String key) {
    return new OutboxDraft(channel, chatId, recipient, text, mentions, key);
  }
}

package tuangou.store;

import java.util.List;

/** A message to queue in the outbox: to a chat, or privately to {@code recipient}. */
public record OutboxDraft(String channel, String chatId, String recipient, String text, List<String> mentions) {
  public OutboxDraft {
    if (chatId == null && recipient == null) {
      throw new IllegalArgumentException("a draft goes to a chat or a recipient");
    }
    mentions = List.copyOf(mentions);
  }

  public static OutboxDraft toPerson(String channel, String recipient, String text) {
    return new OutboxDraft(channel, null, recipient, text, List.of());
  }
}

package tuangou.bot.channel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message as a channel received it, in the platform-neutral words every channel maps its payload
 * to: what the shared {@link Intake} stores and hands on.
 *
 * @param chatId the channel's own id of the chat (a group's chat id, or a person's private chat)
 * @param groupChat whether {@code chatId} may be a registered group (false for events and private
 *     messages to the bot, which belong to no group)
 * @param extras platform leftovers that the pipeline may read (a WeChat 接龙's entry authors)
 */
public record Arrival(String channel, String msgId, String chatId, boolean groupChat, String sender,
    String senderName, String text, List<String> mentions, Map<String, String> extras, OffsetDateTime sentAt) {
  public Arrival {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(sender, "sender");
    senderName = senderName == null ? "" : senderName;
    text = text == null ? "" : text;
    mentions = List.copyOf(mentions);
    extras = Map.copyOf(extras);
  }
}

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
 * @param text kept as {@link tuangou.bot.input.ChatText#of} says: no control characters, cut and marked
 *     when over the cap
 */
public record Arrival(String channel, String msgId, String chatId, boolean groupChat, String sender,
    String senderName, String text, List<String> mentions, Map<String, String> extras, OffsetDateTime sentAt) {
  public Arrival {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(sender, "sender");
    // channels check identifiers at their edge (400); this is the backstop for every way in
    tuangou.bot.input.Checks.identifier("msgId", msgId);
    tuangou.bot.input.Checks.identifier("chatId", chatId);
    tuangou.bot.input.Checks.identifier("sender", sender);
    senderName = tuangou.bot.input.ChatText.name(senderName);
    text = tuangou.bot.input.ChatText.of(text);
    if (mentions.size() > tuangou.bot.input.Limits.MENTIONS) {
      throw new tuangou.bot.input.InvalidInput("mentions", "at most " + tuangou.bot.input.Limits.MENTIONS + " mentions");
    }
    mentions.forEach(m -> tuangou.bot.input.Checks.identifier("mentions", m));
    mentions = List.copyOf(mentions);
    extras = Map.copyOf(extras);
  }
}

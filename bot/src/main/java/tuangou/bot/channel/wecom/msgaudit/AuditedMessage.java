package tuangou.bot.channel.wecom.msgaudit;

import java.util.Map;
import java.util.Objects;

/**
 * A resident's message in a WeCom group, read from the msgaudit archive. msgaudit gives ids,
 * never display names, so there is no sender name.
 *
 * @param roomId the group's chat id ({@code wr…} for customer groups)
 * @param sender the sender's id: {@code wm…}/{@code wo…} for customers, a userid for members
 * @param sentAtMillis Tencent's msgtime, Unix milliseconds
 * @param extras {@code msgType}, and {@code entryAuthors} (a JSON array of sender ids, one per
 *     chain entry) when a 接龙 names the author of every entry
 */
public record AuditedMessage(String msgId, String roomId, String sender, long sentAtMillis, String text,
    Map<String, String> extras) implements AuditResult {

  public AuditedMessage {
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(text, "text");
    extras = extras == null ? Map.of() : Map.copyOf(extras);
  }
}

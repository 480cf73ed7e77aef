package tuangou.ordering;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chat message as every channel hands it over, platform leftovers in {@code extras}.
 *
 * @param entryAuthors WeChat's own author of each chain entry when the channel knows them
 *     (bridge {@code raw}), else null
 */
public record InboundMessage(String channel, String msgId, String group, String sender,
    String senderName, String text, List<String> mentions, OffsetDateTime sentAt,
    List<String> entryAuthors, Map<String, String> extras) {

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(sender, "sender");
    senderName = senderName == null ? "" : senderName;
    text = text == null ? "" : text;
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    entryAuthors = entryAuthors == null ? null : List.copyOf(entryAuthors);
    extras = extras == null ? Map.of() : Map.copyOf(extras);
  }
}

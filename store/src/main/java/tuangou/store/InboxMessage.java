package tuangou.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A message as stored in the inbox, before or after it was processed. */
public record InboxMessage(long id, String channel, String msgId, Long groupId, String chatId, String sender,
    String senderName, String text, List<String> mentions, Map<String, String> extras,
    OffsetDateTime sentAt, InboxState state) {}

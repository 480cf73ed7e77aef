package tuangou.store;

import java.time.OffsetDateTime;

/**
 * How a group's channel is doing: when its last message arrived, and sends that are waiting or
 * that failed for good (with the last error seen), so an operator spots a broken bridge or bot.
 */
public record GroupStatus(long groupId, OffsetDateTime lastMessageAt, long pendingSends, long failedSends,
    String lastSendError) {}

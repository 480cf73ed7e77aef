package tuangou.store;

import java.time.OffsetDateTime;

/**
 * A job the scheduler runs at {@code dueAt}; {@code key} is unique, so planning a job twice plans
 * it once. {@code groupId} is null for a job about the whole campaign, {@code campaignId} for one
 * about no campaign (the evening summaries).
 */
public record ScheduledJob(long id, String key, String kind, Long campaignId, Long groupId, OffsetDateTime dueAt,
    int attempts) {}

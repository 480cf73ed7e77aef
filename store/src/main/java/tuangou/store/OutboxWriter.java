package tuangou.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * Queues drafts in the outbox: in a transaction of their own, or in the caller's transaction so
 * that they are sent only if everything else it wrote commits.
 */
public interface OutboxWriter {
  /** How many were queued; a draft whose dedup key was queued before is skipped. */
  Future<Integer> enqueue(List<OutboxDraft> drafts);
}

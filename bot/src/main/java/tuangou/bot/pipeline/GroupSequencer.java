package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one group's processing runs one after another inside this instance (the advisory lock in
 * PostgreSQL does the same across instances), while different groups run side by side.
 */
public final class GroupSequencer {
  private final MessagePipeline pipeline;
  private final Map<Long, Future<Integer>> tails = new HashMap<>();

  public GroupSequencer(MessagePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Processes the group's pending messages after any run already queued; completes when done. */
  public synchronized Future<Integer> submit(long groupId) {
    Future<Integer> previous = tails.getOrDefault(groupId, Future.succeededFuture(0));
    Future<Integer> next = previous.transform(ignored -> pipeline.drain(groupId));
    tails.put(groupId, next);
    next.onComplete(ar -> forget(groupId, next));
    return next;
  }

  /** See {@link MessagePipeline#takeReplies(long)}. */
  public java.util.Optional<java.util.List<String>> takeReplies(long inboxId) {
    return pipeline.takeReplies(inboxId);
  }

  private synchronized void forget(long groupId, Future<Integer> run) {
    if (tails.get(groupId) == run) {
      tails.remove(groupId);
    }
  }
}

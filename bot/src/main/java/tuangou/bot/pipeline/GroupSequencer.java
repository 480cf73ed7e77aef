package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one group's processing runs one after another inside this instance (the advisory lock in
 * PostgreSQL does the same across instances), while different groups run side by side, at most
 * {@code maxGroups} at once (the pool's size): a group's transaction needs one connection and
 * nothing else, since everything a message does is written through it, so every pooled connection
 * may serve a group and a burst of groups waits here, in order, rather than in the pool's queue.
 */
public final class GroupSequencer {
  private final MessagePipeline pipeline;
  private final Map<Long, Future<Integer>> tails = new HashMap<>();
  private final int maxGroups;
  private final java.util.ArrayDeque<io.vertx.core.Promise<Void>> waiting = new java.util.ArrayDeque<>();
  private int running;

  public GroupSequencer(MessagePipeline pipeline, int maxGroups) {
    this.pipeline = pipeline;
    this.maxGroups = Math.max(1, maxGroups);
  }

  /** Processes the group's pending messages after any run already queued; completes when done. */
  public synchronized Future<Integer> submit(long groupId) {
    Future<Integer> previous = tails.getOrDefault(groupId, Future.succeededFuture(0));
    Future<Integer> next = previous.transform(ignored -> acquire()
        .compose(v -> pipeline.drain(groupId))
        .andThen(ar -> release()));
    tails.put(groupId, next);
    next.onComplete(ar -> forget(groupId, next));
    return next;
  }

  /** See {@link MessagePipeline#takeReplies(long)}. */
  public java.util.Optional<java.util.List<String>> takeReplies(long inboxId) {
    return pipeline.takeReplies(inboxId);
  }

  private synchronized Future<Void> acquire() {
    if (running < maxGroups) {
      running++;
      return Future.succeededFuture();
    }
    io.vertx.core.Promise<Void> turn = io.vertx.core.Promise.promise();
    waiting.add(turn);
    return turn.future();
  }

  private void release() {
    io.vertx.core.Promise<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        running--;
      }
    }
    if (next != null) {
      next.complete(); // the slot passes to the next group
    }
  }

  private synchronized void forget(long groupId, Future<Integer> run) {
    if (tails.get(groupId) == run) {
      tails.remove(groupId);
    }
  }
}

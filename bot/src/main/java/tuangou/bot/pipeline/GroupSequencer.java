package tuangou.bot.pipeline;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group commit on the processing side. Groups with messages to process wait here in arrival order,
 * and are processed in rounds: one transaction takes up to {@code groupsPerRound} waiting groups
 * and commits them together (see {@link MessagePipeline#round}). At most {@code rounds} run at
 * once, each on one connection, so that under load the groups that arrive while rounds are under
 * way gather for the next one instead of each paying a transaction of its own; a quiet service
 * starts a round at once. A group is in one round at a time, so its messages keep their order
 * inside this instance (the advisory locks in PostgreSQL do the same across instances).
 */
public final class GroupSequencer {
  private final MessagePipeline pipeline;
  private final int rounds;
  private final int groupsPerRound;
  /** Groups waiting for a round, oldest first, with whoever waits on each. */
  private final LinkedHashMap<Long, List<Promise<Integer>>> waiting = new LinkedHashMap<>();
  private final Set<Long> inRound = new HashSet<>();
  private int running;

  public GroupSequencer(MessagePipeline pipeline, int rounds, int groupsPerRound) {
    this.pipeline = pipeline;
    this.rounds = Math.max(1, rounds);
    this.groupsPerRound = Math.max(1, groupsPerRound);
  }

  /**
   * Processes the group's pending messages in a round that starts after this call; completes with
   * how many that round processed of the group, once it has committed.
   */
  public Future<Integer> submit(long groupId) {
    Promise<Integer> done = Promise.promise();
    Map<Long, List<Promise<Integer>>> round;
    synchronized (this) {
      waiting.computeIfAbsent(groupId, k -> new ArrayList<>()).add(done);
      round = next();
    }
    if (round != null) {
      run(round);
    }
    return done.future();
  }

  /** See {@link MessagePipeline#takeReplies(long)}. */
  public java.util.Optional<List<String>> takeReplies(long inboxId) {
    return pipeline.takeReplies(inboxId);
  }

  /** The groups of the next round, if one may start now; they leave the queue. Holds the monitor. */
  private Map<Long, List<Promise<Integer>>> next() {
    if (running >= rounds || waiting.isEmpty()) {
      return null;
    }
    Map<Long, List<Promise<Integer>>> round = new LinkedHashMap<>();
    for (Iterator<Map.Entry<Long, List<Promise<Integer>>>> it = waiting.entrySet().iterator();
        it.hasNext() && round.size() < groupsPerRound;) {
      Map.Entry<Long, List<Promise<Integer>>> e = it.next();
      // a group in a round under way waits for the next: its new message may have come after that round read
      if (!inRound.contains(e.getKey())) {
        round.put(e.getKey(), e.getValue());
        it.remove();
      }
    }
    if (round.isEmpty()) {
      return null;
    }
    running++;
    inRound.addAll(round.keySet());
    return round;
  }

  private void run(Map<Long, List<Promise<Integer>>> round) {
    Future<Map<Long, Integer>> processed;
    try {
      processed = pipeline.round(List.copyOf(round.keySet()));
    } catch (RuntimeException e) {
      // its groups must leave the round whatever happened, or they would wait for ever
      processed = Future.failedFuture(e);
    }
    processed.onComplete(ar -> {
      Map<Promise<Integer>, Integer> answered = new java.util.HashMap<>();
      List<Map<Long, List<Promise<Integer>>>> more = new ArrayList<>();
      synchronized (this) {
        running--;
        inRound.removeAll(round.keySet());
        round.forEach((group, promises) -> {
          int n = ar.succeeded() ? ar.result().getOrDefault(group, 0) : 0;
          if (ar.succeeded() && n >= MessagePipeline.BATCH) {
            // a full batch: more may be pending, and a waiting caller's message may be among them
            waiting.computeIfAbsent(group, k -> new ArrayList<>()).addAll(promises);
          } else {
            promises.forEach(p -> answered.put(p, n));
          }
        });
        for (Map<Long, List<Promise<Integer>>> r = next(); r != null; r = next()) {
          more.add(r);
        }
      }
      answered.forEach((p, n) -> {
        if (ar.failed()) {
          p.fail(ar.cause());
        } else {
          p.complete(n);
        }
      });
      more.forEach(this::run);
    });
  }
}

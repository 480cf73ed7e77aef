package tuangou.bot.channel;

import io.vertx.core.Future;
import java.util.Optional;
import tuangou.bot.campaigns.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.pg.PgInbox;

/**
 * The one way in for every channel: finds the message's group, stores the message in the inbox once
 * (a repeat of the same chat and id is a no-op), counts it, and hands the group to its sequencer.
 * Channels only map their payloads to an {@link Arrival} and answer their platform.
 */
public final class Intake {
  private final GroupDirectory directory;
  private final PgInbox inbox;
  private final GroupSequencer sequencer;
  private final PipelineMetrics metrics;
  private final Runnable direct;

  /** @param direct wakes the handling of stored messages that belong to no group */
  public Intake(GroupDirectory directory, PgInbox inbox, GroupSequencer sequencer, PipelineMetrics metrics,
      Runnable direct) {
    this.directory = directory;
    this.inbox = inbox;
    this.sequencer = sequencer;
    this.metrics = metrics;
    this.direct = direct;
  }

  /**
   * A stored message, the group it belongs to, if any, and the group's processing run that will
   * include it (completed at once for a message of no group).
   */
  public record Accepted(Optional<Long> group, PgInbox.Stored stored, Future<Integer> processing) {}

  /**
   * Stores a message whatever its chat: one of a group nobody registered yet is kept, and handed to
   * the group once it is registered; one that belongs to no group goes to the direct handling.
   */
  public Future<Accepted> keep(Arrival a) {
    return groupOf(a).compose(group -> store(a, group));
  }

  /** Stores a message of a registered group; a message of any other chat is not stored (empty). */
  public Future<Optional<Accepted>> ofRegisteredGroup(Arrival a) {
    return groupOf(a).compose(group -> group.isEmpty() ? Future.succeededFuture(Optional.<Accepted>empty())
        : store(a, group).map(Optional::of));
  }

  private Future<Optional<Long>> groupOf(Arrival a) {
    return a.groupChat() ? directory.groupOf(a.channel(), a.chatId()) : Future.succeededFuture(Optional.empty());
  }

  private Future<Accepted> store(Arrival a, Optional<Long> group) {
    return inbox.store(a.channel(), a.msgId(), group.orElse(null), a.chatId(), a.sender(), a.senderName(), a.text(),
            a.mentions(), a.extras(), a.sentAt())
        .map(stored -> {
          if (stored.fresh()) {
            metrics.received();
          }
          if (group.isEmpty()) {
            direct.run();
            return new Accepted(group, stored, Future.succeededFuture(0));
          }
          return new Accepted(group, stored, sequencer.submit(group.get()));
        });
  }
}

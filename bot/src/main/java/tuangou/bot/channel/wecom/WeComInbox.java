package tuangou.bot.channel.wecom;

import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tuangou.bot.pipeline.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.pg.PgInbox;

/**
 * Where WeCom messages enter the inbox, whichever way they came (app callback, msgaudit): a message
 * of a registered group goes to that group's pipeline; events, private messages to the app and
 * messages of groups nobody registered belong to no group and are handled apart.
 */
public final class WeComInbox {
  private final GroupDirectory directory;
  private final PgInbox inbox;
  private final GroupSequencer sequencer;
  private final PipelineMetrics metrics;
  private final Runnable direct;

  /** @param direct wakes the handling of rows that belong to no group */
  public WeComInbox(GroupDirectory directory, PgInbox inbox, GroupSequencer sequencer, PipelineMetrics metrics,
      Runnable direct) {
    this.directory = directory;
    this.inbox = inbox;
    this.sequencer = sequencer;
    this.metrics = metrics;
    this.direct = direct;
  }

  /**
   * Stores one message or event once (a repeat of {@code msgId} is a no-op).
   *
   * @param groupChat whether {@code chatId} may be a registered group (false for events and private messages)
   */
  public Future<Void> store(String msgId, String chatId, boolean groupChat, String sender, String text,
      Map<String, String> extras, OffsetDateTime sentAt) {
    Future<Optional<Long>> group = groupChat ? directory.groupOf(WeComChannel.CHANNEL, chatId)
        : Future.succeededFuture(Optional.empty());
    return group.compose(g -> inbox.store(WeComChannel.CHANNEL, msgId, g.orElse(null), chatId, sender, "", text,
            List.of(), extras, sentAt)
        .map(stored -> {
          if (stored.fresh()) {
            metrics.received();
          }
          g.ifPresentOrElse(sequencer::submit, direct);
          return null;
        }));
  }
}

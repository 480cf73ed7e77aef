package tuangou.bot.pipeline;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import tuangou.bot.log.ThrottledWarning;
import tuangou.store.InboxMessage;
import tuangou.store.OutboxDraft;
import tuangou.store.pg.PgDirectInbox;

/**
 * Works through inbox rows that belong to no group (a leader's private messages, channel events),
 * each by its channel's handler; woken when such a row is stored, and swept on a timer so that
 * rows stored before a restart, or whose handler failed, are taken up again.
 */
public final class DirectMessages {
  private static final Logger LOG = Logger.getLogger(DirectMessages.class.getName());
  /** Failing on every tick while the database is away: one line per 10 s says so. */
  private final ThrottledWarning failing = new ThrottledWarning(LOG, 10_000);
  private static final int BATCH = 20;
  private final PgDirectInbox inbox;
  private final Map<String, Function<InboxMessage, Future<List<OutboxDraft>>>> handlers;
  private final Runnable sent;
  private boolean running;
  private boolean again;

  /** @param sent called after replies were queued, to wake the outbox */
  public DirectMessages(PgDirectInbox inbox, Map<String, Function<InboxMessage, Future<List<OutboxDraft>>>> handlers,
      Runnable sent) {
    this.inbox = inbox;
    this.handlers = Map.copyOf(handlers);
    this.sent = sent;
  }

  public synchronized void wake() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    inbox.process(BATCH, this::handle)
        .onSuccess(n -> {
          if (n > 0) {
            sent.run();
          }
        })
        .onFailure(t -> failing.warn("direct messages: " + ThrottledWarning.firstLine(t)))
        .onComplete(ar -> finished(ar.succeeded() && ar.result() == BATCH));
  }

  private synchronized void finished(boolean full) {
    running = false;
    if (again || full) {
      again = false;
      wake();
    }
  }

  private Future<List<OutboxDraft>> handle(InboxMessage m) {
    Function<InboxMessage, Future<List<OutboxDraft>>> handler = handlers.get(m.channel());
    if (handler == null) {
      // nothing reads this channel's private messages: keep the row (done) rather than retry forever
      return Future.succeededFuture(List.of());
    }
    return handler.apply(m);
  }
}

package tuangou.bot.channel.wecom.msgaudit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import tuangou.store.pg.PgMsgAuditCursor;

/**
 * Reads residents' messages in WeCom groups from the msgaudit archive (the only way to read
 * customer groups) and hands each one to a sink, which stores it in the inbox.
 *
 * <p>One poll: the stored cursor, a batch of records after it (on a worker thread: the SDK
 * blocks), each mapped and, if it is a group message, given to the sink in seq order, then the
 * cursor moved to the batch's last seq. The cursor moves only once the sink succeeded for every
 * message of the batch, so delivery is at least once; the inbox's unique (channel, msg_id) makes a
 * replayed message a no-op. A full batch is followed at once by the next, a short one by a pause.
 *
 * <p>When the SDK cannot run here (its native library does not load) the reader logs why and
 * stays stopped; the rest of the service runs on.
 */
public final class MsgAuditReader {
  private static final Logger LOG = Logger.getLogger(MsgAuditReader.class.getName());

  private final Vertx vertx;
  private final MsgAuditSettings settings;
  private final ChatSource source;
  private final PgMsgAuditCursor cursor;
  private final Function<AuditedMessage, Future<Void>> sink;
  private volatile boolean running;
  private volatile long timer = -1;

  public MsgAuditReader(Vertx vertx, MsgAuditSettings settings, ChatSource source, PgMsgAuditCursor cursor,
      Function<AuditedMessage, Future<Void>> sink) {
    this.vertx = vertx;
    this.settings = settings;
    this.source = source;
    this.cursor = cursor;
    this.sink = sink;
  }

  /** A reader on Tencent's native SDK through WxJava. */
  public static MsgAuditReader create(Vertx vertx, MsgAuditSettings settings, PgMsgAuditCursor cursor,
      Function<AuditedMessage, Future<Void>> sink) {
    ChatSource source = settings.enabled() ? FinanceChatSource.of(settings) : (seq, limit) -> List.of();
    return new MsgAuditReader(vertx, settings, source, cursor, sink);
  }

  /** Starts polling when enabled. Always succeeds: a reader that cannot run logs why instead. */
  public Future<Void> start() {
    if (!settings.enabled()) {
      LOG.info("msgaudit reader off: no SDK library or private key configured");
      return Future.succeededFuture();
    }
    LOG.info("msgaudit reader on: " + settings);
    running = true;
    schedule(1);
    return Future.succeededFuture();
  }

  public Future<Void> stop() {
    running = false;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** True while polling: false before start, after stop, and once the SDK proved unavailable. */
  public boolean running() {
    return running;
  }

  /** Reads one batch and hands it on; the number of records read (0 when the archive is caught up). */
  public Future<Integer> pollOnce() {
    return cursor.read(settings.corpId()).compose(seq -> vertx.executeBlocking(
            () -> source.fetch(seq, settings.batch()), false)
        .compose(records -> deliver(records)
            .compose(v -> records.isEmpty() ? Future.<Void>succeededFuture()
                : cursor.advance(settings.corpId(), records.stream().mapToLong(ChatSource.Archived::seq).max().getAsLong()))
            .map(v -> records.size())));
  }

  private Future<Void> deliver(List<ChatSource.Archived> records) {
    Future<Void> chain = Future.succeededFuture();
    for (ChatSource.Archived record : records) {
      chain = chain.compose(v -> handle(record));
    }
    return chain;
  }

  private Future<Void> handle(ChatSource.Archived record) {
    AuditResult result = MsgAuditMapper.map(record.plaintext());
    if (result instanceof AuditedMessage m) {
      return sink.apply(m);
    }
    if (result instanceof AuditResult.Unreadable u) {
      // a record that cannot be read now never will be: moving past it is the only way forward
      LOG.warning("msgaudit record seq " + record.seq() + " (" + record.msgId() + ") skipped: " + u.problem());
    } else if (result instanceof AuditResult.Skipped s && LOG.isLoggable(Level.FINE)) {
      LOG.fine("msgaudit record seq " + record.seq() + " (" + s.msgId() + ") skipped: " + s.reason() + " "
          + s.detail());
    }
    return Future.succeededFuture();
  }

  private void schedule(long delayMs) {
    if (running) {
      timer = vertx.setTimer(delayMs, t -> poll());
    }
  }

  private void poll() {
    if (!running) {
      return;
    }
    pollOnce()
        .onSuccess(read -> schedule(read >= settings.batch() ? 1 : settings.pollMs()))
        .onFailure(t -> {
          if (t instanceof ChatSource.Unavailable) {
            running = false;
            LOG.severe("msgaudit reader stopped: " + t.getMessage()
                + "; customer-group messages are not read until the SDK is installed and the service restarted");
          } else {
            LOG.log(Level.WARNING, "msgaudit poll failed, retrying in " + settings.pollMs() + " ms", t);
            schedule(settings.pollMs());
          }
        });
  }
}

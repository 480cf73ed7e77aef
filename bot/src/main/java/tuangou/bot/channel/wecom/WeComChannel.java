package tuangou.bot.channel.wecom;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tuangou.bot.admin.HttpErrors;
import tuangou.bot.channel.TimestampWindow;
import tuangou.bot.pipeline.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.pg.PgInbox;
import tuangou.store.redis.RedisDedupWindow;

/**
 * The WeCom app callback at {@code /wecom/callback}: URL verification (GET), and messages and
 * events (POST) checked for timestamp, signature and receiver before anything is stored; stored
 * once (Redis window, then the inbox's unique key) and answered at once, processed after.
 */
public final class WeComChannel {
  public static final String CHANNEL = "wecom";
  /** The chat id under which a person's private messages to the app are stored. */
  static final String PRIVATE = "app:";

  private final WeComCallbackCrypto crypto;
  private final TimestampWindow window;
  private final GroupDirectory directory;
  private final PgInbox inbox;
  private final GroupSequencer sequencer;
  private final PipelineMetrics metrics;
  private final RedisDedupWindow seen;
  private final Runnable direct;

  /** @param direct wakes the handling of rows that belong to no group (private messages, events) */
  public WeComChannel(WeComCallbackCrypto crypto, int maxSkewSeconds, GroupDirectory directory, PgInbox inbox,
      GroupSequencer sequencer, PipelineMetrics metrics, RedisDedupWindow seen, Clock clock, Runnable direct) {
    this.direct = direct;
    this.crypto = crypto;
    this.window = new TimestampWindow(maxSkewSeconds, clock);
    this.directory = directory;
    this.inbox = inbox;
    this.sequencer = sequencer;
    this.metrics = metrics;
    this.seen = seen;
  }

  public void mount(Router router) {
    router.get("/wecom/callback").handler(this::verify);
    router.post("/wecom/callback").handler(this::receive);
  }

  private void verify(RoutingContext ctx) {
    String sig = ctx.request().getParam("msg_signature");
    String ts = ctx.request().getParam("timestamp");
    String nonce = ctx.request().getParam("nonce");
    String echo = ctx.request().getParam("echostr");
    if (sig == null || ts == null || nonce == null || echo == null) {
      HttpErrors.respond(ctx, 400, "invalid_request", "msg_signature, timestamp, nonce and echostr are required");
      return;
    }
    try {
      String plain = crypto.verifyUrl(sig, ts, nonce, echo);
      ctx.response().putHeader("content-type", "text/plain; charset=utf-8").end(plain);
    } catch (WeComCallbackCrypto.Refused r) {
      refuse(ctx, r);
    }
  }

  private void receive(RoutingContext ctx) {
    String sig = ctx.request().getParam("msg_signature");
    String ts = ctx.request().getParam("timestamp");
    String nonce = ctx.request().getParam("nonce");
    String body = ctx.body() == null ? "" : ctx.body().asString();
    if (sig == null || ts == null || nonce == null || body.isEmpty()) {
      HttpErrors.respond(ctx, 400, "invalid_request", "msg_signature, timestamp, nonce and a body are required");
      return;
    }
    if (!window.admits(ts)) {
      HttpErrors.respond(ctx, 401, "stale", "the timestamp is outside the allowed window");
      return;
    }
    WeComCallback callback;
    try {
      callback = WeComCallback.parse(crypto.decryptMessage(sig, ts, nonce, body));
    } catch (WeComCallbackCrypto.Refused r) {
      refuse(ctx, r);
      return;
    } catch (IllegalArgumentException e) {
      HttpErrors.respond(ctx, 400, "invalid_request", e.getMessage());
      return;
    }
    String msgId = callback.dedupKey();
    seen.firstSeen(CHANNEL + ":" + msgId).otherwise(true)
        .compose(first -> first ? store(callback, msgId) : Future.succeededFuture())
        // WeCom takes "success" (or an empty body) as "received"; anything else is retried
        .onSuccess(v -> ctx.response().putHeader("content-type", "text/plain").end("success"))
        .onFailure(ctx::fail);
  }

  /**
   * Stores the callback. A message in a registered group goes to that group's pipeline; events and
   * a person's private messages to the app belong to no group and are handled apart.
   */
  private Future<Void> store(WeComCallback c, String msgId) {
    String chat = c.chatId().isEmpty() ? PRIVATE + c.fromUser() : c.chatId();
    Map<String, String> extras = c.isEvent()
        ? Map.of("event", c.event(), "changeType", c.changeType()) : Map.of("msgType", c.msgType());
    Future<Optional<Long>> group = c.isEvent() || c.chatId().isEmpty() ? Future.succeededFuture(Optional.empty())
        : directory.groupOf(CHANNEL, chat);
    return group.compose(g -> inbox.store(CHANNEL, msgId, g.orElse(null), chat,
            c.fromUser(), "", c.isEvent() ? "" : c.content(), List.of(), extras,
            Instant.ofEpochSecond(c.createTime()).atOffset(ZoneOffset.UTC))
        .map(stored -> {
          if (stored.fresh()) {
            metrics.received();
          }
          g.ifPresentOrElse(sequencer::submit, direct);
          return null;
        }));
  }

  private static void refuse(RoutingContext ctx, WeComCallbackCrypto.Refused r) {
    if (r.forged()) {
      HttpErrors.respond(ctx, 401, "bad_signature", r.getMessage());
    } else {
      HttpErrors.respond(ctx, 403, "wrong_receiver", r.getMessage());
    }
  }
}

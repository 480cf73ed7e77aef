package tuangou.bot.channel.wecom;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import tuangou.bot.admin.HttpErrors;
import tuangou.bot.channel.Arrival;
import tuangou.bot.channel.Intake;
import tuangou.bot.channel.TimestampWindow;
import tuangou.store.redis.RedisDedupWindow;

/**
 * The WeCom app callback at {@code /wecom/callback}: URL verification (GET), and messages and
 * events (POST) checked for timestamp, signature and receiver before anything is stored; stored
 * once (the inbox's unique key, with a Redis window that remembers what is stored to spare retries a
 * write) and answered once stored, processed after.
 */
public final class WeComChannel {
  public static final String CHANNEL = "wecom";
  /** The chat id under which a person's private messages to the app are stored. */
  static final String PRIVATE = "app:";

  private final WeComCallbackCrypto crypto;
  private final TimestampWindow window;
  private final Intake intake;
  private final RedisDedupWindow seen;

  public WeComChannel(WeComCallbackCrypto crypto, int maxSkewSeconds, Intake intake, RedisDedupWindow seen,
      Clock clock) {
    this.crypto = crypto;
    this.window = new TimestampWindow(maxSkewSeconds, clock);
    this.intake = intake;
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
    if (sig.length() > 128 || nonce.length() > 128 || echo.length() > 4096) {
      HttpErrors.respond(ctx, 400, "invalid_request", "msg_signature, nonce or echostr is too long");
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
    String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
    if (sig == null || ts == null || nonce == null || body.isEmpty()) {
      HttpErrors.respond(ctx, 400, "invalid_request", "msg_signature, timestamp, nonce and a body are required");
      return;
    }
    if (sig.length() > 128 || nonce.length() > 128) {
      HttpErrors.respond(ctx, 400, "invalid_request", "msg_signature or nonce is too long");
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
    String chatId = callback.chatId().isEmpty() ? PRIVATE + callback.fromUser() : callback.chatId();
    // remembered only once stored: a callback that failed to store (503) must be stored by WeCom's retry;
    // WeCom is answered without waiting for Redis to remember it, which is best effort either way
    seen.seen(CHANNEL, chatId, msgId)
        .compose(again -> again ? Future.<Void>succeededFuture()
            : store(callback, chatId, msgId).onSuccess(v -> seen.remember(CHANNEL, chatId, msgId)))
        // WeCom takes "success" (or an empty body) as "received"; anything else is retried
        .onSuccess(v -> ctx.response().putHeader("content-type", "text/plain").end("success"))
        .onFailure(ctx::fail);
  }

  private Future<Void> store(WeComCallback c, String chatId, String msgId) {
    boolean toApp = c.chatId().isEmpty();
    Map<String, String> extras = c.isEvent()
        ? Map.of("event", c.event(), "changeType", c.changeType()) : Map.of("msgType", c.msgType());
    return intake.keep(new Arrival(CHANNEL, msgId, chatId, !c.isEvent() && !toApp, c.fromUser(), "",
        c.isEvent() ? "" : c.content(), List.of(), extras, Instant.ofEpochSecond(c.createTime()).atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  private static void refuse(RoutingContext ctx, WeComCallbackCrypto.Refused r) {
    if (r.forged()) {
      HttpErrors.respond(ctx, 401, "bad_signature", r.getMessage());
    } else {
      HttpErrors.respond(ctx, 403, "wrong_receiver", r.getMessage());
    }
  }
}

package tuangou.bot.channel.bridge;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import tuangou.bot.admin.HttpErrors;
import tuangou.bot.channel.TimestampWindow;
import tuangou.bot.pipeline.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.pg.PgInbox;

/**
 * The WeChat bridge webhook at {@code /bridge/events}: the signature and timestamp are checked
 * before anything is read or stored; a valid event is stored in the inbox and answered at once,
 * and processed after the answer (a bridge must not wait on the bot).
 */
public final class BridgeChannel {
  public static final String CHANNEL = "bridge";
  /** Where the entry authors of a WeChat 接龙 travel with the stored message. */
  public static final String AUTHORS_EXTRA = "entryAuthors";

  private final String secret;
  private final TimestampWindow window;
  private final GroupDirectory directory;
  private final PgInbox inbox;
  private final GroupSequencer sequencer;
  private final PipelineMetrics metrics;

  public BridgeChannel(String secret, int maxSkewSeconds, GroupDirectory directory, PgInbox inbox,
      GroupSequencer sequencer, PipelineMetrics metrics, java.time.Clock clock) {
    this.secret = secret;
    this.window = new TimestampWindow(maxSkewSeconds, clock);
    this.directory = directory;
    this.inbox = inbox;
    this.sequencer = sequencer;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.post("/bridge/events").handler(this::receive);
  }

  private void receive(RoutingContext ctx) {
    String timestamp = ctx.request().getHeader(BridgeSignature.TIMESTAMP_HEADER);
    String signature = ctx.request().getHeader(BridgeSignature.SIGNATURE_HEADER);
    String body = ctx.body() == null ? "" : ctx.body().asString();
    if (!window.admits(timestamp)) {
      HttpErrors.respond(ctx, 401, "stale", "the timestamp is missing or outside the allowed window");
      return;
    }
    if (!BridgeSignature.verify(secret, timestamp, body, signature)) {
      HttpErrors.respond(ctx, 401, "bad_signature", "the signature does not match");
      return;
    }
    BridgeEvent event;
    try {
      event = BridgeEvent.of(new JsonObject(body));
    } catch (DecodeException | ClassCastException e) {
      HttpErrors.respond(ctx, 400, "invalid_json", "the body is not a JSON object");
      return;
    } catch (IllegalArgumentException e) {
      HttpErrors.respond(ctx, 400, "invalid_request", e.getMessage());
      return;
    }
    if (event.isSelf()) {
      answer(ctx, new JsonObject().put("status", "ignored").put("reason", "the bot's own message"));
      return;
    }
    directory.groupOf(CHANNEL, event.roomId())
        .compose(group -> {
          if (group.isEmpty()) {
            // a room the platform has not registered: acknowledged so the bridge does not retry, not stored
            return Future.succeededFuture(new JsonObject().put("status", "ignored").put("reason", "room not registered"));
          }
          Map<String, String> extras = event.entryAuthors().isEmpty() ? Map.of()
              : Map.of(AUTHORS_EXTRA, new JsonArray(event.entryAuthors()).encode());
          return inbox.store(CHANNEL, event.msgId(), group.get(), event.roomId(), event.senderId(), event.senderName(),
                  event.text(), event.mentions(), extras, event.sentAt())
              .map(stored -> {
                if (stored.fresh()) {
                  metrics.received();
                }
                sequencer.submit(group.get()); // processed after the answer
                return new JsonObject().put("status", stored.fresh() ? "stored" : "duplicate").put("id", event.msgId());
              });
        })
        .onSuccess(json -> answer(ctx, json))
        .onFailure(ctx::fail);
  }

  private static void answer(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(json.encode());
  }

}

package tuangou.bot.channel.bridge;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import tuangou.bot.admin.HttpErrors;
import tuangou.bot.channel.Arrival;
import tuangou.bot.channel.Intake;
import tuangou.bot.channel.TimestampWindow;
import tuangou.bot.input.InvalidInput;

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
  private final Intake intake;

  public BridgeChannel(String secret, int maxSkewSeconds, Intake intake, java.time.Clock clock) {
    this.secret = secret;
    this.window = new TimestampWindow(maxSkewSeconds, clock);
    this.intake = intake;
  }

  public void mount(Router router) {
    router.post("/bridge/events").handler(this::receive);
  }

  private void receive(RoutingContext ctx) {
    String timestamp = ctx.request().getHeader(BridgeSignature.TIMESTAMP_HEADER);
    String signature = ctx.request().getHeader(BridgeSignature.SIGNATURE_HEADER);
    // an empty body has no buffer at all: it is checked like any other, as ""
    String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
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
    } catch (InvalidInput e) {
      HttpErrors.respond(ctx, 400, "invalid_request", e.getMessage());
      return;
    }
    if (event.isSelf()) {
      answer(ctx, new JsonObject().put("status", "ignored").put("reason", "the bot's own message"));
      return;
    }
    Map<String, String> extras = event.entryAuthors().isEmpty() ? Map.of()
        : Map.of(AUTHORS_EXTRA, new JsonArray(event.entryAuthors()).encode());
    // processed after the answer: a bridge must not wait on the bot
    intake.ofRegisteredGroup(new Arrival(CHANNEL, event.msgId(), event.roomId(), true, event.senderId(),
            event.senderName(), event.text(), event.mentions(), extras, event.sentAt()))
        .map(accepted -> accepted
            .map(a -> new JsonObject().put("status", a.stored().fresh() ? "stored" : "duplicate").put("id", event.msgId()))
            // a room the platform has not registered: acknowledged so the bridge does not retry, not stored
            .orElseGet(() -> new JsonObject().put("status", "ignored").put("reason", "room not registered")))
        .onSuccess(json -> answer(ctx, json))
        .onFailure(ctx::fail);
  }

  private static void answer(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(json.encode());
  }

}

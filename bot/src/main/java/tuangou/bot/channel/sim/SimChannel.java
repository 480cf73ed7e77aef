package tuangou.bot.channel.sim;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tuangou.bot.admin.ApiException;
import tuangou.bot.admin.BearerToken;
import tuangou.bot.admin.Bodies;
import tuangou.bot.input.Limits;
import tuangou.bot.channel.Arrival;
import tuangou.bot.channel.Intake;
import tuangou.bot.channel.OutboxSender;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.store.InboxState;
import tuangou.store.pg.PgInbox;
import tuangou.store.pg.PgOutbox;
import tuangou.store.pg.PgSimulator;

/**
 * The simulator: HTTP endpoints and a chat page that act as a group, so that tuangou can be tried
 * and tested with no WeChat account. A posted message goes through the same inbox and pipeline as
 * every channel's; the call answers once it is processed, with the bot's replies.
 */
public final class SimChannel {
  public static final String CHANNEL = "sim";
  private static final String BOT_NAME = "团购助手";

  private final Intake intake;
  private final PgInbox inbox;
  private final PgSimulator conversations;
  private final GroupSequencer sequencer;
  private final OutboxSender sender;
  private final long answerTimeoutMs;
  private final LocalTimes times;
  private final String page = load("/tuangou/bot/channel/sim/index.html");

  private final SimAccess access;

  /** @param token the admin token the simulator takes, or null when it is open (the zero-configuration default) */
  public SimChannel(Intake intake, PgInbox inbox, PgSimulator conversations,
      GroupSequencer sequencer, OutboxSender sender, long answerTimeoutMs, ZoneId zone, String token) {
    this.access = new SimAccess(token == null ? null : new BearerToken(token));
    this.times = new LocalTimes(zone);
    this.intake = intake;
    this.inbox = inbox;
    this.conversations = conversations;
    this.sequencer = sequencer;
    this.sender = sender;
    this.answerTimeoutMs = answerTimeoutMs;
  }

  public void mount(Router router) {
    router.route("/sim").handler(access);
    router.route("/sim/*").handler(access);
    // no-cache: after an upgrade the browser must not keep running the old page's script
    router.get("/sim").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("cache-control", "no-cache").end(page));
    router.post("/sim/groups/:chatId/messages").handler(this::post);
    router.get("/sim/groups/:chatId/messages").handler(ctx -> listed(ctx, conversations.conversation(
        Bodies.pathString(ctx, "chatId"), null, Bodies.queryInt(ctx, "limit", 200, 1, 2000))));
    router.get("/sim/users/:user/messages").handler(ctx -> listed(ctx, conversations.conversation(
        null, Bodies.pathString(ctx, "user"), Bodies.queryInt(ctx, "limit", 200, 1, 2000))));
    router.get("/sim/groups").handler(ctx -> conversations.groups(500)
        .onSuccess(groups -> ctx.json(new JsonArray(groups)))
        .onFailure(ctx::fail));
  }

  private void post(RoutingContext ctx) {
    String chatId;
    String senderId;
    String name;
    String text;
    String msgId;
    try {
      chatId = Bodies.pathString(ctx, "chatId");
      JsonObject body = Bodies.json(ctx);
      senderId = Bodies.requiredId(body, "sender");
      Object t = body.getValue("text");
      if (!(t instanceof String s)) {
        throw ApiException.badRequest("\"text\" is required and must be a string");
      }
      // any length: a text over the cap is kept cut and answered "too long" (ChatText), never refused unread
      text = s;
      String given = Bodies.optionalString(body, "name", Limits.NAME_CHARS);
      name = given == null || given.isEmpty() ? senderId : given;
      String id = Bodies.optionalId(body, "id");
      msgId = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    // a retried id (the same chat) is the same message: the inbox's key makes its store a no-op
    intake.ofRegisteredGroup(new Arrival(CHANNEL, msgId, chatId, true, senderId, name, text, List.of(), Map.of(),
            OffsetDateTime.now()))
        .compose(accepted -> {
          if (accepted.isEmpty()) {
            throw new ApiException(404, "unknown_group", "no simulator group with chat id " + chatId
                + "; create it with POST /api/v1/groups");
          }
          return processed(accepted.get());
        })
        .map(outcome -> {
          sender.wake();
          JsonArray out = new JsonArray();
          outcome.replies().forEach(text1 -> out.add(new JsonObject().put("text", text1)));
          return new JsonObject().put("id", msgId).put("replies", out);
        })
        .onSuccess(json -> ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(json.encode()))
        .onFailure(ctx::fail);
  }

  /** Waits for the group's run that includes the message, but no longer than the answer timeout. */
  private Future<PgInbox.Outcome> processed(Intake.Accepted accepted) {
    long inboxId = accepted.stored().id();
    return accepted.processing()
        .timeout(answerTimeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)
        // stored but not processed in time (the database slow or away): the caller retries the same id
        .recover(t -> Future.failedFuture(t instanceof java.util.concurrent.TimeoutException
            ? new ApiException(503, "unavailable", "the message is stored and will be processed shortly") : t))
        .compose(n -> sequencer.takeReplies(inboxId)
            .map(replies -> Future.succeededFuture(new PgInbox.Outcome(InboxState.DONE, replies)))
            .orElseGet(() -> inbox.outcome(inboxId)))
        .map(outcome -> {
          if (outcome.state() == InboxState.PENDING) {
            throw new ApiException(503, "unavailable", "the message is stored and will be processed shortly");
          }
          return outcome;
        });
  }

  /**
   * Delivers the bot's queued simulator messages into the conversations, in bulk: the simulator's
   * "sending" is a move inside the database, so the outbox runs it before the remote channels.
   */
  public static Supplier<Future<Integer>> delivery(PgOutbox outbox) {
    return () -> outbox.deliverToSimulator(500, BOT_NAME);
  }

  private void listed(RoutingContext ctx, Future<List<JsonObject>> messages) {
    messages.onSuccess(list -> ctx.response().putHeader("content-type", "application/json; charset=utf-8")
            .end(new JsonObject().put("messages", new JsonArray(list.stream().map(times::stamp).toList())).encode()))
        .onFailure(ctx::fail);
  }

  private static String load(String resource) {
    try (InputStream in = SimChannel.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

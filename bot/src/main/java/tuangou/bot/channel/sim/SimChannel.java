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
import java.util.UUID;
import java.util.function.Supplier;
import tuangou.bot.admin.ApiException;
import tuangou.bot.admin.Bodies;
import tuangou.bot.pipeline.GroupDirectory;
import tuangou.bot.pipeline.GroupSequencer;
import tuangou.bot.pipeline.OutboxSender;
import tuangou.bot.pipeline.PipelineMetrics;
import tuangou.store.InboxState;
import tuangou.store.pg.PgInbox;
import tuangou.store.pg.PgOutbox;
import tuangou.store.pg.PgSimulator;
import tuangou.store.redis.RedisDedupWindow;

/**
 * The simulator: HTTP endpoints and a chat page that act as a group, so that tuangou can be tried
 * and tested with no WeChat account. A posted message goes through the same inbox and pipeline as
 * every channel's; the call answers once it is processed, with the bot's replies.
 */
public final class SimChannel {
  public static final String CHANNEL = "sim";
  private static final String BOT_NAME = "团购助手";

  private final GroupDirectory directory;
  private final PgInbox inbox;
  private final PgOutbox outbox;
  private final PgSimulator conversations;
  private final GroupSequencer sequencer;
  private final OutboxSender sender;
  private final PipelineMetrics metrics;
  private final long answerTimeoutMs;
  private final RedisDedupWindow seen;
  private final LocalTimes times;
  private final String page = load("/tuangou/bot/channel/sim/index.html");

  public SimChannel(GroupDirectory directory, PgInbox inbox, PgOutbox outbox,
      PgSimulator conversations, GroupSequencer sequencer, OutboxSender sender, PipelineMetrics metrics,
      long answerTimeoutMs, RedisDedupWindow seen, ZoneId zone) {
    this.seen = seen;
    this.times = new LocalTimes(zone);
    this.directory = directory;
    this.inbox = inbox;
    this.outbox = outbox;
    this.conversations = conversations;
    this.sequencer = sequencer;
    this.sender = sender;
    this.metrics = metrics;
    this.answerTimeoutMs = answerTimeoutMs;
  }

  public void mount(Router router) {
    // no-cache: after an upgrade the browser must not keep running the old page's script
    router.get("/sim").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("cache-control", "no-cache").end(page));
    router.post("/sim/groups/:chatId/messages").handler(this::post);
    router.get("/sim/groups/:chatId/messages").handler(ctx -> listed(ctx, conversations.conversation(
        ctx.pathParam("chatId"), null, Bodies.queryInt(ctx, "limit", 200, 1, 2000))));
    router.get("/sim/users/:user/messages").handler(ctx -> listed(ctx, conversations.conversation(
        null, ctx.pathParam("user"), Bodies.queryInt(ctx, "limit", 200, 1, 2000))));
    router.get("/sim/groups").handler(ctx -> conversations.groups(500)
        .onSuccess(groups -> ctx.json(new JsonArray(groups)))
        .onFailure(ctx::fail));
  }

  private void post(RoutingContext ctx) {
    JsonObject body;
    String chatId = ctx.pathParam("chatId");
    String senderId;
    String text;
    try {
      body = Bodies.json(ctx);
      senderId = Bodies.requiredString(body, "sender");
      Object t = body.getValue("text");
      if (!(t instanceof String s)) {
        throw ApiException.badRequest("\"text\" is required and must be a string");
      }
      text = s;
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    String name = body.getString("name", senderId) == null ? senderId : body.getString("name", senderId);
    boolean givenId = body.getValue("id") instanceof String id && !id.isBlank();
    String msgId = givenId ? body.getString("id") : UUID.randomUUID().toString();
    directory.groupOf(CHANNEL, chatId)
        .compose(group -> {
          if (group.isEmpty()) {
            throw new ApiException(404, "unknown_group", "no simulator group with chat id " + chatId
                + "; create it with POST /api/v1/groups");
          }
          long groupId = group.get();
          Supplier<Future<PgInbox.Stored>> store = () -> inbox.storeSimulated(msgId, groupId, chatId, senderId, name,
              text, OffsetDateTime.now()).compose(stored -> seen.remember(CHANNEL, chatId, msgId).map(stored));
          // a retry of a message already stored needs no insert: the window says so without a write
          Future<Boolean> repeat = givenId ? seen.seen(CHANNEL, chatId, msgId) : Future.succeededFuture(false);
          return repeat.compose(again -> !again ? store.get()
                  : inbox.find(CHANNEL, chatId, msgId).compose(found -> found.isPresent()
                      ? Future.succeededFuture(found.get()) : store.get()))
              .onSuccess(stored -> {
                if (stored.fresh()) {
                  metrics.received();
                }
              })
              .compose(stored -> processed(groupId, stored.id()));
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
  private Future<PgInbox.Outcome> processed(long groupId, long inboxId) {
    return sequencer.submit(groupId)
        .timeout(answerTimeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)
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

  /** Delivers the bot's queued simulator messages into the conversations, in bulk. */
  public Future<Integer> deliver() {
    return outbox.deliverToSimulator(500, BOT_NAME);
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

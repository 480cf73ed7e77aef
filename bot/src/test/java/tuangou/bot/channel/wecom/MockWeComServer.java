package tuangou.bot.channel.wecom;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like the WeCom API (gettoken, message/send, appchat/send, webhook/send,
 * externalcontact/add_msg_template, externalcontact/groupchat/get) so that WxJava can be pointed
 * at it and every outbound path runs over real HTTP. Records what it receives; can be told to
 * answer the next calls with an errcode or a 5xx.
 */
public final class MockWeComServer implements AutoCloseable {
  public static final String TOKEN = "mock-access-token";

  /** One request: {@code key} is the webhook key for robot sends, else the access token. */
  public record Call(String path, String accessToken, JsonObject body) {}

  /** A customer group as groupchat/get describes it. */
  public record CustomerGroup(String chatId, String name, String owner, int members) {}

  private final java.util.Map<String, CustomerGroup> customerGroups = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Set<String> refusedChats = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  public final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger errcodeNext = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();

  public MockWeComServer() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.get("/cgi-bin/gettoken").handler(ctx -> {
      tokenRequests.incrementAndGet();
      ctx.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("access_token", TOKEN).put("expires_in", 7200));
    });
    router.post("/cgi-bin/message/send").handler(ctx -> answer(ctx, "message/send"));
    router.post("/cgi-bin/appchat/send").handler(ctx -> answer(ctx, "appchat/send"));
    router.post("/cgi-bin/webhook/send").handler(ctx -> answer(ctx, "webhook/send"));
    router.post("/cgi-bin/externalcontact/add_msg_template").handler(this::msgTemplate);
    router.post("/cgi-bin/externalcontact/groupchat/get").handler(this::groupChat);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  private void answer(io.vertx.ext.web.RoutingContext ctx, String path) {
    if (refused(ctx)) {
      return;
    }
    record(ctx, path);
    ctx.json(new JsonObject().put("errcode", 0).put("errmsg", "ok"));
  }

  /** Answers a 5xx or an errcode when told to; true when it did. */
  private boolean refused(io.vertx.ext.web.RoutingContext ctx) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ctx.response().setStatusCode(502).end("bad gateway");
      return true;
    }
    if (errcodeNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ctx.json(new JsonObject().put("errcode", 45009).put("errmsg", "api freq out of limit"));
      return true;
    }
    return false;
  }

  private void record(io.vertx.ext.web.RoutingContext ctx, String path) {
    String credential = path.equals("webhook/send") ? ctx.request().getParam("key") : ctx.request().getParam("access_token");
    calls.add(new Call(path, credential, ctx.body().asJsonObject()));
  }

  private void msgTemplate(io.vertx.ext.web.RoutingContext ctx) {
    if (refused(ctx)) {
      return;
    }
    record(ctx, "add_msg_template");
    io.vertx.core.json.JsonArray failed = new io.vertx.core.json.JsonArray();
    ctx.body().asJsonObject().getJsonArray("chat_id_list", new io.vertx.core.json.JsonArray()).stream()
        .map(String::valueOf).filter(refusedChats::contains).forEach(failed::add);
    ctx.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("fail_list", failed)
        .put("msgid", "msg" + calls.size()));
  }

  private void groupChat(io.vertx.ext.web.RoutingContext ctx) {
    if (refused(ctx)) {
      return;
    }
    record(ctx, "groupchat/get");
    CustomerGroup g = customerGroups.get(ctx.body().asJsonObject().getString("chat_id", ""));
    if (g == null) {
      ctx.json(new JsonObject().put("errcode", 40050).put("errmsg", "invalid chatid"));
      return;
    }
    io.vertx.core.json.JsonArray members = new io.vertx.core.json.JsonArray();
    members.add(new JsonObject().put("userid", g.owner()).put("type", 1).put("join_time", 1_700_000_000).put("join_scene", 1));
    for (int i = 1; i < g.members(); i++) {
      members.add(new JsonObject().put("userid", "wm-resident-" + i).put("type", 2).put("join_time", 1_700_000_000)
          .put("join_scene", 3).put("name", "邻居" + i));
    }
    ctx.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("group_chat", new JsonObject()
        .put("chat_id", g.chatId()).put("name", g.name()).put("owner", g.owner()).put("create_time", 1_700_000_000)
        .put("member_list", members).put("admin_list", new io.vertx.core.json.JsonArray())));
  }

  /** What groupchat/get answers for this chat from now on. */
  public void customerGroup(CustomerGroup g) {
    customerGroups.put(g.chatId(), g);
  }

  /** add_msg_template lists this chat in fail_list from now on. */
  public void refuseGroupPushes(String chatId) {
    refusedChats.add(chatId);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public void errcodeNext(int n) {
    errcodeNext.set(n);
  }

  public void failNext(int n) {
    failNext.set(n);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

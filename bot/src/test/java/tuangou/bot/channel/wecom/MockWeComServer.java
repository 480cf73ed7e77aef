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
 * Answers like the WeCom API (gettoken, message/send, appchat/send) so that WxJava can be pointed
 * at it and every outbound path runs over real HTTP. Records what it receives; can be told to
 * answer the next calls with an errcode or a 5xx.
 */
final class MockWeComServer implements AutoCloseable {
  static final String TOKEN = "mock-access-token";

  record Call(String path, String accessToken, JsonObject body) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger errcodeNext = new AtomicInteger();
  private final AtomicInteger failNext = new AtomicInteger();

  MockWeComServer() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.get("/cgi-bin/gettoken").handler(ctx -> {
      tokenRequests.incrementAndGet();
      ctx.json(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("access_token", TOKEN).put("expires_in", 7200));
    });
    router.post("/cgi-bin/message/send").handler(ctx -> answer(ctx, "message/send"));
    router.post("/cgi-bin/appchat/send").handler(ctx -> answer(ctx, "appchat/send"));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  private void answer(io.vertx.ext.web.RoutingContext ctx, String path) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ctx.response().setStatusCode(502).end("bad gateway");
      return;
    }
    if (errcodeNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ctx.json(new JsonObject().put("errcode", 45009).put("errmsg", "api freq out of limit"));
      return;
    }
    calls.add(new Call(path, ctx.request().getParam("access_token"), ctx.body().asJsonObject()));
    ctx.json(new JsonObject().put("errcode", 0).put("errmsg", "ok"));
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  void errcodeNext(int n) {
    errcodeNext.set(n);
  }

  void failNext(int n) {
    failNext.set(n);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

package tuangou.bot.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tuangou.bot.channel.bridge.BridgeSignature;

/** A WeChat bridge's send endpoint for tests: records what tuangou sends and checks its signature. */
final class MockBridge implements AutoCloseable {
  static final String SECRET = "test-bridge-secret-0123";

  /** One send as received, with whether its signature was right. */
  record Sent(JsonObject body, boolean signed) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  /** The room whose sends fail next; other rooms' sends (other tests' late replies) go through. */
  private volatile String failRoom;

  MockBridge() {
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      String body = b.toString();
      boolean signed = BridgeSignature.verify(SECRET, req.getHeader(BridgeSignature.TIMESTAMP_HEADER), body,
          req.getHeader(BridgeSignature.SIGNATURE_HEADER));
      String room = new JsonObject(body).getString("roomId");
      if (room != null && room.equals(failRoom) && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        req.response().setStatusCode(502).end("bridge busy");
        return;
      }
      sent.add(new Sent(new JsonObject(body), signed));
      req.response().end("{\"ok\": true}");
    })).listen(0, "127.0.0.1").await();
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/send";
  }

  List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The next {@code n} sends to {@code room} are answered 502. */
  void failNext(String room, int n) {
    failRoom = room;
    failNext.set(n);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}

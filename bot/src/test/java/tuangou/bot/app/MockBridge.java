package tuangou.bot.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tuangou.bot.channel.bridge.BridgeSignature;

/**
 * A WeChat bridge's send endpoint for tests: records what tuangou sends and checks its signature.
 * Sends to a room handed to a real bridge ({@link #forward}) are passed on to it byte for byte,
 * signature headers included, and its answer is tuangou's answer.
 */
final class MockBridge implements AutoCloseable {
  static final String SECRET = "test-bridge-secret-0123";

  /** One send as received, with whether its signature was right. */
  record Sent(JsonObject body, boolean signed) {}

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final HttpClient client = vertx.createHttpClient();
  private final Map<String, String> forwards = new ConcurrentHashMap<>();
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
      String target = room == null ? null : forwards.get(room);
      if (target != null) {
        forward(req, body, target, signed);
        return;
      }
      if (room != null && room.equals(failRoom) && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        req.response().setStatusCode(502).end("bridge busy");
        return;
      }
      sent.add(new Sent(new JsonObject(body), signed));
      req.response().end("{\"ok\": true}");
    })).listen(0, "127.0.0.1").await();
  }

  private void forward(HttpServerRequest req, String body, String target, boolean signed) {
    client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target).setTimeout(10_000)
            .putHeader("content-type", "application/json; charset=utf-8")
            .putHeader(BridgeSignature.TIMESTAMP_HEADER, req.getHeader(BridgeSignature.TIMESTAMP_HEADER))
            .putHeader(BridgeSignature.SIGNATURE_HEADER, req.getHeader(BridgeSignature.SIGNATURE_HEADER)))
        .compose(out -> out.send(body))
        .compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() / 100 == 2) {
            sent.add(new Sent(new JsonObject(body), signed));
          }
          req.response().setStatusCode(resp.statusCode()).end(b);
          return null;
        }))
        .onFailure(e -> req.response().setStatusCode(502).end("bridge unreachable: " + e.getMessage()));
  }

  /** From now on, sends to {@code room} go to the bridge at {@code sendUrl}. */
  void forward(String room, String sendUrl) {
    forwards.put(room, sendUrl);
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

package tuangou.bot.channel.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import tuangou.bot.channel.Channel;
import tuangou.bot.channel.Pacing;
import tuangou.store.OutboxMessage;
import tuangou.store.pg.PgOutbox;

/**
 * Sends outbox messages through the bridge: {@code {"clientMsgId", "roomId", "text", "mentions"}}
 * signed like inbound events, after a random short wait so that sends do not look machine-made.
 * Anything but a 2xx answer fails the send, and the outbox retries it.
 */
public final class BridgeSender implements Channel {
  private final Vertx vertx;
  private final HttpClient http;
  private final String secret;
  private final String sendUrl;
  private final int jitterMs;
  private final List<Pacing> pacing;

  /** @param pacing the rates kept before a send (per room, per account) */
  public BridgeSender(Vertx vertx, String secret, String sendUrl, int jitterMs, List<Pacing> pacing) {
    this.vertx = vertx;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000));
    this.secret = secret;
    this.sendUrl = sendUrl;
    this.jitterMs = jitterMs;
    this.pacing = List.copyOf(pacing);
  }

  @Override
  public String name() {
    return BridgeChannel.CHANNEL;
  }

  @Override
  public List<Pacing> pacing() {
    return pacing;
  }

  @Override
  public Future<PgOutbox.Sent> send(OutboxMessage m) {
    if (sendUrl.isEmpty()) {
      return Future.failedFuture("TUANGOU_BRIDGE_SEND_URL is not set");
    }
    String body = new JsonObject().put("clientMsgId", "tuangou-" + m.id()).put("roomId", m.chatId())
        .put("to", m.recipient()).put("text", m.text()).put("mentions", new JsonArray(m.mentions())).encode();
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    long wait = jitterMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMs + 1L);
    Future<Void> delay = wait == 0 ? Future.succeededFuture() : vertx.timer(wait).mapEmpty();
    return delay.compose(v -> http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(sendUrl)
            .setTimeout(10_000)
            .putHeader("content-type", "application/json; charset=utf-8")
            .putHeader(BridgeSignature.TIMESTAMP_HEADER, timestamp)
            .putHeader(BridgeSignature.SIGNATURE_HEADER, BridgeSignature.sign(secret, timestamp, body)))
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().compose(b -> resp.statusCode() / 100 == 2
            ? Future.succeededFuture(PgOutbox.Sent.SENT)
            : Future.failedFuture("bridge answered " + resp.statusCode() + ": " + b.toString()))));
  }
}

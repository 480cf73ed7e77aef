package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.channel.bridge.BridgeSignature;

/** The WeChat bridge webhook and sends, over real HTTP, with a signing test client. */
class BridgeChannelTest {
  private static final TestService SERVICE = TestService.get();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> post(String body, long timestamp, String secret) {
    String ts = String.valueOf(timestamp);
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(SERVICE.base() + "/bridge/events"))
          .header("content-type", "application/json")
          .header(BridgeSignature.TIMESTAMP_HEADER, ts)
          .header(BridgeSignature.SIGNATURE_HEADER, BridgeSignature.sign(secret, ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(JsonObject event) {
    return post(event.encode(), System.currentTimeMillis() / 1000, MockBridge.SECRET);
  }

  private static JsonObject event(String room, String msgId, String sender, String text) {
    return new JsonObject().put("msgId", msgId).put("ts", System.currentTimeMillis() / 1000).put("roomId", room)
        .put("senderId", sender).put("senderName", "住户" + sender).put("text", text).put("mentions", new JsonArray())
        .put("isSelf", false);
  }

  private static long bridgeGroupWithCampaign(String room) {
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "桥团长")).json().getLong("id");
    long group = SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "bridge").put("chatId", room)
        .put("name", "桥群").put("leaderId", leader)).json().getLong("id");
    // announce off: the bot's own deal post would be one more send to the mock bridge
    return SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("announce", false)
        .put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "bridge-apple").put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
            .add(new JsonObject().put("no", 2).put("id", "bridge-banana").put("name", "海南香蕉")
                .put("aliases", new JsonArray().add("香蕉")).put("unit", "把").put("priceFen", 1290))))
        .json().getLong("id");
  }

  private static JsonArray orders(long campaign) {
    return SERVICE.admin("GET", "/campaigns/" + campaign + "/orders", null).json().getJsonArray("orders");
  }

  private static boolean stored(String msgId) {
    return SERVICE.service().pool().preparedQuery("select 1 from inbox where channel = 'bridge' and msg_id = $1")
        .execute(Tuple.of(msgId)).await().size() > 0;
  }

  @Test
  void signedOrderIsStoredAnsweredAtOnceProcessedAndRepliedThroughTheBridge() {
    String room = "room-" + UUID.randomUUID();
    long campaign = bridgeGroupWithCampaign(room);
    String id = room + "-1";
    HttpResponse<String> r = post(event(room, id, "wx1", "苹果2斤"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("stored");
    await().atMost(Duration.ofSeconds(10)).until(() -> orders(campaign).size() == 1);
    assertThat(orders(campaign).getJsonObject(0).getString("customer")).isEqualTo("wx1");
    await().atMost(Duration.ofSeconds(15)).until(() -> SERVICE.bridge().sent().stream()
        .anyMatch(s -> room.equals(s.body().getString("roomId"))));
    MockBridge.Sent reply = SERVICE.bridge().sent().stream()
        .filter(s -> room.equals(s.body().getString("roomId"))).findFirst().orElseThrow();
    assertThat(reply.signed()).isTrue();
    assertThat(reply.body().getString("text")).isEqualTo("@住户wx1 已记下：苹果2斤");
    assertThat(reply.body().getJsonArray("mentions")).containsExactly("wx1");

    assertThat(new JsonObject(post(event(room, id, "wx1", "苹果2斤")).body()).getString("status")).isEqualTo("duplicate");
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> orders(campaign).size() == 1);
  }

  @Test
  void theSameMessageIdInTwoRoomsIsTwoMessages() {
    String roomA = "room-" + UUID.randomUUID();
    String roomB = "room-" + UUID.randomUUID();
    long campaignA = bridgeGroupWithCampaign(roomA);
    long campaignB = bridgeGroupWithCampaign(roomB);
    String id = "msg-1";
    assertThat(new JsonObject(post(event(roomA, id, "wx1", "苹果2斤")).body()).getString("status")).isEqualTo("stored");
    assertThat(new JsonObject(post(event(roomB, id, "wx2", "香蕉1把")).body()).getString("status")).isEqualTo("stored");
    await().atMost(Duration.ofSeconds(10)).until(() -> orders(campaignA).size() == 1 && orders(campaignB).size() == 1);
    assertThat(orders(campaignB).getJsonObject(0).getJsonArray("lines").getJsonObject(0).getString("item"))
        .isEqualTo("bridge-banana");
    assertThat(new JsonObject(post(event(roomB, id, "wx2", "香蕉1把")).body()).getString("status"))
        .as("within one room the id still repeats").isEqualTo("duplicate");
  }

  @Test
  void forgedOrStaleRequestsAre401AndStoreNothing() {
    String room = "room-" + UUID.randomUUID();
    bridgeGroupWithCampaign(room);
    String forged = room + "-forged";
    assertThat(post(event(room, forged, "wx1", "苹果2斤").encode(), System.currentTimeMillis() / 1000,
        "not-the-secret-0123456").statusCode()).isEqualTo(401);
    String stale = room + "-stale";
    assertThat(post(event(room, stale, "wx1", "苹果2斤").encode(), System.currentTimeMillis() / 1000 - 3600,
        MockBridge.SECRET).statusCode()).isEqualTo(401);
    String tampered = room + "-tampered";
    long now = System.currentTimeMillis() / 1000;
    String body = event(room, tampered, "wx1", "苹果2斤").encode();
    String ts = String.valueOf(now);
    try {
      int status = HTTP.send(HttpRequest.newBuilder(URI.create(SERVICE.base() + "/bridge/events"))
          .header(BridgeSignature.TIMESTAMP_HEADER, ts)
          .header(BridgeSignature.SIGNATURE_HEADER, BridgeSignature.sign(MockBridge.SECRET, ts, body))
          .POST(HttpRequest.BodyPublishers.ofString(body.replace("2斤", "20斤"))).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode();
      assertThat(status).isEqualTo(401);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(stored(forged)).isFalse();
    assertThat(stored(stale)).isFalse();
    assertThat(stored(tampered)).isFalse();
  }

  @Test
  void unregisteredRoomsAndTheBotsOwnMessagesAreAcknowledgedNotStored() {
    String id = "nowhere-" + UUID.randomUUID();
    HttpResponse<String> r = post(event("room-unknown-" + UUID.randomUUID(), id, "wx1", "苹果2斤"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getString("reason")).isEqualTo("room not registered");
    String room = "room-" + UUID.randomUUID();
    bridgeGroupWithCampaign(room);
    String self = room + "-self";
    assertThat(new JsonObject(post(event(room, self, "bot", "@张三 已记下").put("isSelf", true)).body())
        .getString("status")).isEqualTo("ignored");
    assertThat(stored(id)).isFalse();
    assertThat(stored(self)).isFalse();
    assertThat(post(event(room, room + "-x", "wx1", "a").put("mentions", "nope")).statusCode()).isEqualTo(400);
  }

  @Test
  void wechatChainAuthorsDecideWhoOrderedWhat() {
    String room = "room-" + UUID.randomUUID();
    long campaign = bridgeGroupWithCampaign(room);
    String chain = "#接龙\n明天中午12点截单\n\n1. 3-1-201 张三 苹果2斤\n2. 5-302 李四 香蕉1把";
    String raw = "<solitaire><content><s>2</s><i><u>wx_zhang</u></i><i><u>wx_li</u></i></content></solitaire>";
    // the last to join posts the list: WeChat still knows who wrote each line
    assertThat(post(event(room, room + "-c1", "wx_li", chain).put("appType", 53).put("raw", raw)).statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> orders(campaign).size() == 2);
    List<String> customers = orders(campaign).stream().map(o -> ((JsonObject) o).getString("customer")).sorted().toList();
    assertThat(customers).containsExactly("wx_li", "wx_zhang");
  }

  @Test
  void aFailedSendIsRetriedUntilTheBridgeTakesIt() {
    String room = "room-" + UUID.randomUUID();
    bridgeGroupWithCampaign(room);
    SERVICE.bridge().failNext(room, 2);
    post(event(room, room + "-1", "wx9", "香蕉1把"));
    await().atMost(Duration.ofSeconds(30)).until(() -> SERVICE.bridge().sent().stream()
        .filter(s -> room.equals(s.body().getString("roomId"))).count() == 1);
    // the bridge has the message before the outbox row records the attempt that took
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(SERVICE.service().pool()
        .preparedQuery("select attempts, state from outbox where chat_id = $1").execute(Tuple.of(room)).await()
        .iterator().next().getInteger("attempts")).isEqualTo(3));
    long group = SERVICE.service().pool().preparedQuery("select id from chat_group where chat_id = $1")
        .execute(Tuple.of(room)).await().iterator().next().getLong("id");
    JsonObject status = SERVICE.admin("GET", "/groups/" + group, null).json();
    assertThat(status.getString("channel")).isEqualTo("bridge");
    assertThat(status.getString("lastMessageAt")).isNotNull();
    assertThat(status.getLong("failedSends")).isZero();
    assertThat(status.getString("lastSendError")).contains("bridge answered 502");
  }
}

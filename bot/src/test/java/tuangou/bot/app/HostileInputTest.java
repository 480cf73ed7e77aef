package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.channel.bridge.BridgeSignature;
import tuangou.bot.input.Limits;

/**
 * The probes that once answered 500 or lost an order, through the real service on PostgreSQL: each is
 * now a 400 naming the field, a 401 before anything is read, or a message refused whole with a reason.
 */
class HostileInputTest {
  private static final TestService SERVICE = TestService.get();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String HUGE = "x".repeat(200_000);

  private static void refused(TestService.Reply r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("message")).as(r.body()).contains(field);
  }

  private static JsonObject item(String id) {
    return new JsonObject().put("no", 1).put("id", id).put("name", "苹果").put("unit", "斤").put("priceFen", 500);
  }

  @Test
  void aNulCharacterInAStringOrPathIdIsA400NamingTheField() {
    refused(SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "王\u0000芳")), "name");
    refused(SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray().add(item("a\u0000b")))),
        "items[0].id");
    refused(SERVICE.admin("GET", "/products/a%00b", null), "id");
    refused(SERVICE.call("POST", "/sim/groups/c%00d/messages", new JsonObject().put("sender", "u").put("text", "hi")
        .encode(), true), "chatId");
  }

  @Test
  void stringsOfTwoHundredThousandCharactersAreRefusedBeforeAnyIndex() {
    refused(SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "王").put("wecomUserId", HUGE)), "wecomUserId");
    refused(SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "王").put("phone", "1".repeat(10_000))),
        "phone");
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "王")).json().getLong("id");
    refused(SERVICE.admin("POST", "/leaders/" + leader + "/payouts", new JsonObject().put("amountFen", 100)
        .put("requestId", HUGE)), "requestId");
    refused(SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray().add(item(HUGE)))),
        "items[0].id");
    refused(SERVICE.call("POST", "/sim/groups/g/messages", new JsonObject().put("sender", "u").put("text", "hi")
        .put("id", HUGE).encode(), true), "id");
  }

  @Test
  void nullsAndOutOfRangeNumbersAndTimesAre400s() {
    JsonObject nullAliases = item("null-aliases").put("aliases", (Object) null);
    refused(SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray().add(nullAliases))),
        "items[0].aliases");
    JsonObject nullPrice = item("null-price").put("priceFen", (Object) null);
    refused(SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray().add(nullPrice))),
        "items[0].priceFen");
    refused(SERVICE.admin("PATCH", "/products/any", new JsonObject().put("aliases", (Object) null)), "aliases");
    refused(SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray().add(item("far")))
        .put("cutoffAt", "+999999-01-01T00:00:00Z")), "cutoffAt");
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("announce", false)
        .put("items", new JsonArray().add(item("range-" + UUID.randomUUID())))).json().getLong("id");
    TestService.Reply r = SERVICE.call("POST", "/api/v1/campaigns/" + campaign + "/receipts",
        "{\"item\": 1, \"receivedQty\": 1e99999}", true);
    refused(r, "receivedQty");
    refused(SERVICE.admin("GET", "/leaders/1/commission?from=%2B999999-01-01T00:00:00Z", null), "from");
  }

  @Test
  void aCampaignWithAPastCutoffAndNoOpeningIsA400() {
    refused(SERVICE.admin("POST", "/campaigns", new JsonObject().put("items", new JsonArray().add(item("past")))
        .put("cutoffAt", "2020-01-01T00:00:00+08:00")), "cutoffAt");
  }

  private static HttpResponse<String> bridge(String body, String signature) {
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(SERVICE.base() + "/bridge/events"))
          .header(BridgeSignature.TIMESTAMP_HEADER, ts)
          .header(BridgeSignature.SIGNATURE_HEADER, signature == null ? BridgeSignature.sign(MockBridge.SECRET, ts, body)
              : signature)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEmptyBridgePostWithAnySignatureIs401WithoutAStackTrace() {
    try (LogCapture logs = LogCapture.start()) {
      HttpResponse<String> r = bridge("", "sha256=00");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
      assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("bad_signature");
      assertThat(logs.failures()).isEmpty();
    }
  }

  @Test
  void aBridgeEventWithAHugeSenderIsRefusedNotAcknowledgedThenLost() {
    String room = "hostile-" + UUID.randomUUID();
    String msgId = room + "-1";
    JsonObject event = new JsonObject().put("msgId", msgId).put("ts", System.currentTimeMillis() / 1000)
        .put("roomId", room).put("senderId", HUGE).put("text", "苹果1斤");
    HttpResponse<String> r = bridge(event.encode(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("senderId").doesNotContain("stored");
    assertThat(SERVICE.service().pool().preparedQuery("select 1 from inbox where msg_id = $1").execute(Tuple.of(msgId))
        .await().size()).isZero();
    HttpResponse<String> past = bridge(event.put("senderId", "wx1").put("ts", -1e30).encode(), null);
    assertThat(past.statusCode()).as(past.body()).isEqualTo(400);
    assertThat(past.body()).contains("ts");
    HttpResponse<String> noName = bridge(event.put("ts", System.currentTimeMillis() / 1000)
        .put("senderName", (Object) null).encode(), null);
    assertThat(noName.statusCode()).as("a room nobody registered is acknowledged and ignored: " + noName.body())
        .isEqualTo(200);
  }

  @Test
  void aWeComCallbackFromTheFarFutureIsA400() {
    String xml = WeComCallbacks.text("zhangsan", "far-" + UUID.randomUUID(), "苹果1斤", null)
        .replaceFirst("<CreateTime>\\d+</CreateTime>", "<CreateTime>" + Long.MAX_VALUE + "</CreateTime>");
    HttpResponse<String> r = WeComCallbacks.deliver(xml);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("CreateTime");
  }

  /** A simulator group with an open campaign of apples; returns its chat id. */
  private static String groupWithApples() {
    String chat = TestService.chatId("hostile");
    long group = SERVICE.simGroup(chat, null);
    assertThat(SERVICE.admin("POST", "/campaigns", new JsonObject().put("announce", false)
        .put("groups", new JsonArray().add(group))
        .put("items", new JsonArray().add(item("hostile-apple-" + UUID.randomUUID()).put("aliases",
            new JsonArray().add("苹果"))))).status()).isEqualTo(201);
    return chat;
  }

  private static long lines(String chat) {
    return SERVICE.service().pool().preparedQuery("select count(*) from order_line l join chat_group g on "
            + "g.id = l.group_id where g.chat_id = $1 and l.status = 'active'")
        .execute(Tuple.of(chat)).await().iterator().next().getLong(0);
  }

  @Test
  void aMessageOverTheTextCapIsRefusedWholeAndTheResidentToldWhy() {
    String chat = groupWithApples();
    // 250,000 characters (about 650 KB): under the body limit, far over the message cap
    TestService.Reply r = SERVICE.say(chat, null, "u1", "张三", "苹果1斤\n".repeat(50_000));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonArray replies = r.json().getJsonArray("replies");
    assertThat(replies).hasSize(1);
    assertThat(replies.getJsonObject(0).getString("text")).contains("太长").contains("没有记下");
    assertThat(lines(chat)).isZero();
  }

  @Test
  void aChainOverTheEntryCapIsRefusedWholeAndTheResidentToldWhy() {
    String chat = groupWithApples();
    StringBuilder chain = new StringBuilder("#接龙 苹果\n");
    for (int i = 1; i <= Limits.MESSAGE_ENTRIES + 50; i++) {
      chain.append(i).append(". ").append(i).append("室 苹果1\n");
    }
    assertThat(chain.length()).isLessThan(Limits.MESSAGE_CHARS);
    TestService.Reply r = SERVICE.say(chat, null, "u1", "张三", chain.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getJsonArray("replies").getJsonObject(0).getString("text"))
        .contains("超过了" + Limits.MESSAGE_ENTRIES + "条").contains("没有记下");
    assertThat(lines(chat)).isZero();
  }

  @Test
  void aLongReplyIsCutWithANoteAndAnOrderUnderTheCapsIsTakenWhole() {
    String chat = groupWithApples();
    StringBuilder chain = new StringBuilder("#接龙 苹果\n");
    for (int i = 1; i <= 300; i++) {
      chain.append(i).append(". ").append(i).append("室 苹果1\n");
    }
    TestService.Reply r = SERVICE.say(chat, null, "u1", "张三", chain.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(lines(chat)).isEqualTo(300);
    // 我的订单 lists all 300 lines: more than a reply may hold
    String reply = SERVICE.say(chat, null, "u1", "张三", "我的订单").json().getJsonArray("replies").getJsonObject(0)
        .getString("text");
    assertThat(reply.length()).isLessThanOrEqualTo(Limits.REPLY_CHARS);
    assertThat(reply).endsWith("我的订单”查看）");
  }

  @Test
  void aNulInAMessageNeverReachesPostgresqlAndTheOrderStands() {
    String chat = groupWithApples();
    TestService.Reply r = SERVICE.say(chat, "nul-1", "u1", "张三", "苹果\u00002斤");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getJsonArray("replies").encode()).contains("已记下");
    assertThat(SERVICE.service().pool().preparedQuery("select text from inbox where chat_id = $1 and msg_id = 'nul-1'")
        .execute(Tuple.of(chat)).await().iterator().next().getString(0)).isEqualTo("苹果2斤");
  }

  @Test
  void listingCampaignsAnswers() {
    assertThat(SERVICE.admin("GET", "/campaigns?limit=5", null).status()).isEqualTo(200);
    assertThat(SERVICE.admin("GET", "/campaigns?limit=0", null).status()).isEqualTo(400);
  }

  @Test
  void responsesComeBackWithinTheirDeadline() {
    // the deadline is for requests that never finish arriving: a normal call is not cut
    long started = System.nanoTime();
    assertThat(SERVICE.call("GET", "/health", null, false).status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}

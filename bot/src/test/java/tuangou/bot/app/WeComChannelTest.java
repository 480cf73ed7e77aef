package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tuangou.bot.channel.wecom.WeComCallbackCrypto;

/** The WeCom callback over real HTTP, signed and encrypted like WeCom does. */
class WeComChannelTest {
  private static final TestService SERVICE = TestService.get();
  private static final WeComCallbackCrypto WECOM = WeComCallbacks.WECOM;

  private static HttpResponse<String> call(String method, String query, String body) {
    return WeComCallbacks.call(method, query, body);
  }

  private static HttpResponse<String> deliver(WeComCallbackCrypto crypto, String plainXml) {
    return WeComCallbacks.deliver(crypto, plainXml);
  }

  private static String text(String from, String msgId, String content, String chatId) {
    return WeComCallbacks.text(from, msgId, content, chatId);
  }

  private static int stored(String msgId) {
    return SERVICE.service().pool().preparedQuery("select count(*) from inbox where channel = 'wecom' and msg_id = $1")
        .execute(Tuple.of(msgId)).await().iterator().next().getInteger(0);
  }

  @Test
  void urlVerificationAnswersTheOfficialSampleAndRefusesAForgery() {
    String echo = URLEncoder.encode("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
        StandardCharsets.UTF_8);
    HttpResponse<String> ok = call("GET", "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589"
        + "&nonce=263014780&echostr=" + echo, null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1616140317555161061");
    assertThat(call("GET", "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4&timestamp=1409659589"
        + "&nonce=263014780&echostr=" + echo, null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "timestamp=1", null).statusCode()).isEqualTo(400);
  }

  @Test
  void messageIsStoredOnceAndAnsweredSuccess() {
    String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    String xml = text("leader-zhang", msgId, "汇总", null);
    HttpResponse<String> first = deliver(WECOM, xml);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("success");
    assertThat(deliver(WECOM, xml).body()).isEqualTo("success");
    assertThat(stored(msgId)).isEqualTo(1);
  }

  @Test
  void theSameMsgIdInTwoChatsIsTwoMessages() {
    String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    String chatA = "wr" + UUID.randomUUID().toString().replace("-", "");
    String chatB = "wr" + UUID.randomUUID().toString().replace("-", "");
    assertThat(deliver(WECOM, text("wm-resident-1", msgId, "苹果2斤", chatA)).body()).isEqualTo("success");
    assertThat(deliver(WECOM, text("wm-resident-2", msgId, "香蕉1把", chatB)).body()).isEqualTo("success");
    assertThat(deliver(WECOM, text("wm-resident-2", msgId, "香蕉1把", chatB)).body()).isEqualTo("success");
    assertThat(stored(msgId)).as("one row per chat, the repeat in chat B adds none").isEqualTo(2);
  }

  @Test
  void staleForgedAndForeignCallbacksAreRefusedAndNotStored() {
    // Tencent's sample message is from 2014: outside the window, whatever its signature
    String sample = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[x]]></Encrypt></xml>";
    assertThat(call("POST", "msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149",
        sample).statusCode()).isEqualTo(401);
    String forgedId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    WeComCallbackCrypto wrongToken = new WeComCallbackCrypto(TestService.WECOM_CORP_ID, "not-the-token",
        TestService.WECOM_AES_KEY);
    assertThat(deliver(wrongToken, text("u1", forgedId, "苹果2斤", null)).statusCode()).isEqualTo(401);
    String foreignId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    WeComCallbackCrypto otherCorp = new WeComCallbackCrypto("ww-some-other-corp", TestService.WECOM_TOKEN,
        TestService.WECOM_AES_KEY);
    assertThat(deliver(otherCorp, text("u1", foreignId, "苹果2斤", null)).statusCode()).isEqualTo(403);
    assertThat(stored(forgedId)).isZero();
    assertThat(stored(foreignId)).isZero();
  }

  @Test
  void customerGroupMessageOfARegisteredGroupBecomesAnOrder() {
    String chat = "wr" + UUID.randomUUID().toString().replace("-", "");
    long leader = SERVICE.admin("POST", "/leaders", new JsonObject().put("name", "企微团长")).json().getLong("id");
    long group = SERVICE.admin("POST", "/groups", new JsonObject().put("channel", "wecom").put("chatId", chat)
        .put("name", "企微群").put("leaderId", leader)).json().getLong("id");
    long campaign = SERVICE.admin("POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "wecom-apple").put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690)))).json().getLong("id");
    String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    assertThat(deliver(WECOM, text("wm-resident-1", msgId, "苹果2斤", chat)).body()).isEqualTo("success");
    await().atMost(Duration.ofSeconds(10)).until(() -> SERVICE.admin("GET", "/campaigns/" + campaign + "/orders", null)
        .json().getJsonArray("orders").size() == 1);
  }
}

package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tuangou.bot.channel.bridge.BridgeSignature;
import tuangou.bot.channel.wecom.MockWeComServer;

/**
 * The shaded jar that operators deploy, started as a process on its embedded default: with every
 * channel configured at once it starts, answers on each channel and loses nothing between them; a
 * bad setting or a port in use stops it with one line that names the setting.
 */
class ShippedJarIT {
  private static final String TOKEN = "jar-test-admin-token";
  private static final Duration START = Duration.ofMinutes(3);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;

  @Test
  void withEveryChannelConfiguredTheJarServesEachChannelAndKeepsSameIdsOfTwoGroupsApart() throws Exception {
    try (MockWeComServer wecomApi = new MockWeComServer(); MockBridge bridge = new MockBridge()) {
      Map<String, String> env = new HashMap<>();
      env.put("TUANGOU_HTTP_PORT", "0");
      env.put("TUANGOU_ADMIN_TOKEN", TOKEN);
      env.put("TUANGOU_SIM_ENABLED", "true");
      // Tencent's published sample app; its sample message is from 2014, so the timestamp window is off
      env.put("TUANGOU_WECOM_CORP_ID", TestService.WECOM_CORP_ID);
      env.put("TUANGOU_WECOM_AGENT_ID", "1000002");
      env.put("TUANGOU_WECOM_SECRET", "jar-test-app-secret");
      env.put("TUANGOU_WECOM_TOKEN", TestService.WECOM_TOKEN);
      env.put("TUANGOU_WECOM_AES_KEY", TestService.WECOM_AES_KEY);
      env.put("TUANGOU_WECOM_MAX_SKEW_SECONDS", "0");
      env.put("TUANGOU_WECOM_API_BASE_URL", wecomApi.url());
      env.put("TUANGOU_BRIDGE_SECRET", MockBridge.SECRET);
      env.put("TUANGOU_BRIDGE_SEND_URL", bridge.url());
      try (JarProcess jar = JarProcess.start(dir, env)) {
        String base = jar.awaitRunning(START);
        assertThat(get(base + "/health").body()).contains("\"status\":\"UP\"");
        // the shipped default on the embedded database: made-up chat served through every part before the port opened
        assertThat(jar.stderr()).containsPattern("rehearsal: [1-9]\\d* made-up messages served")
            .doesNotContain("rehearsal skipped").doesNotContain("outbox drain failed");

        // WeCom: Tencent's URL-verification and message vectors through the real callback
        String echo = URLEncoder.encode("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
            StandardCharsets.UTF_8);
        assertThat(get(base + "/wecom/callback?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
            + "&timestamp=1409659589&nonce=263014780&echostr=" + echo).body()).isEqualTo("1616140317555161061");
        HttpResponse<String> sample = send(HttpRequest.newBuilder(URI.create(base + "/wecom/callback?msg_signature="
            + "477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149"))
            .POST(HttpRequest.BodyPublishers.ofString(TENCENT_SAMPLE_MESSAGE)).build());
        assertThat(sample.body()).isEqualTo("success");
        // the sample is "hello" from user mycreate, who is no leader: told so through WxJava and the WeCom API
        await().atMost(Duration.ofSeconds(30)).until(() -> wecomApi.calls().stream()
            .anyMatch(c -> c.path().equals("message/send") && "mycreate".equals(c.body().getString("touser"))));
        assertThat(wecomApi.tokenRequests.get()).isPositive();

        // one campaign over a bridge room and two simulator groups
        long leader = admin(base, "POST", "/leaders", new JsonObject().put("name", "包团长")).getLong("id");
        long room = group(base, "bridge", "jar-room", leader);
        long simA = group(base, "sim", "jar-a", leader);
        long simB = group(base, "sim", "jar-b", leader);
        long campaign = admin(base, "POST", "/campaigns", new JsonObject().put("announce", false)
            .put("groups", new JsonArray().add(room).add(simA).add(simB))
            .put("items", new JsonArray()
                .add(new JsonObject().put("no", 1).put("id", "jar-apple").put("name", "烟台苹果")
                    .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
                .add(new JsonObject().put("no", 2).put("id", "jar-banana").put("name", "海南香蕉")
                    .put("aliases", new JsonArray().add("香蕉")).put("unit", "把").put("priceFen", 1290))))
            .getLong("id");

        // the bridge: a signed event is stored, becomes an order and is answered through the send URL
        String event = new JsonObject().put("msgId", "msg-1").put("ts", System.currentTimeMillis() / 1000)
            .put("roomId", "jar-room").put("senderId", "wx-1").put("senderName", "王姐").put("text", "苹果3斤")
            .put("mentions", new JsonArray()).put("isSelf", false).encode();
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        HttpResponse<String> stored = send(HttpRequest.newBuilder(URI.create(base + "/bridge/events"))
            .header("content-type", "application/json").header(BridgeSignature.TIMESTAMP_HEADER, ts)
            .header(BridgeSignature.SIGNATURE_HEADER, BridgeSignature.sign(MockBridge.SECRET, ts, event))
            .POST(HttpRequest.BodyPublishers.ofString(event, StandardCharsets.UTF_8)).build());
        assertThat(new JsonObject(stored.body()).getString("status")).as(stored.body()).isEqualTo("stored");
        await().atMost(Duration.ofSeconds(30)).until(() -> bridge.sent().stream()
            .anyMatch(s -> s.signed() && "jar-room".equals(s.body().getString("roomId"))));

        // the simulator: the same message id in two groups is two orders, each answered for itself
        String replyA = say(base, "jar-a", "msg-1", "u-a", "苹果2斤");
        String replyB = say(base, "jar-b", "msg-1", "u-b", "香蕉1把");
        assertThat(replyA).contains("已记下").contains("苹果");
        assertThat(replyB).contains("已记下").contains("香蕉").doesNotContain("苹果");

        JsonArray orders = admin(base, "GET", "/campaigns/" + campaign + "/orders", null).getJsonArray("orders");
        assertThat(orders.stream().map(o -> ((JsonObject) o).getString("customer")))
            .containsExactlyInAnyOrder("wx-1", "u-a", "u-b");

        assertThat(jar.stop(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(jar.stderr()).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
      }
    }
  }

  @Test
  void aBadSettingStopsTheJarWithOneLineNamingTheKey() throws Exception {
    try (JarProcess jar = JarProcess.start(dir, Map.of("TUANGOU_BRIDGE_SECRET", "short"))) {
      assertThat(jar.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(jar.stderrLines()).singleElement().asString()
          .contains("bridge.secret").contains("TUANGOU_BRIDGE_SECRET");
    }
    assertThat(dir.resolve("data")).as("nothing started").doesNotExist();
  }

  @Test
  void aPortInUseIsNamedBeforeTheEmbeddedServersStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      try (JarProcess jar = JarProcess.start(dir, Map.of("TUANGOU_HTTP_PORT", String.valueOf(taken.getLocalPort())))) {
        assertThat(jar.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(jar.stderrLines()).singleElement().asString()
            .contains("port " + taken.getLocalPort() + " is already in use").contains("TUANGOU_HTTP_PORT");
      }
    }
    assertThat(dir.resolve("data")).as("no embedded server was started").doesNotExist();
  }

  private long group(String base, String channel, String chatId, long leader) throws IOException {
    return admin(base, "POST", "/groups", new JsonObject().put("channel", channel).put("chatId", chatId)
        .put("name", "群" + chatId).put("leaderId", leader)).getLong("id");
  }

  private String say(String base, String chatId, String id, String sender, String text) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/sim/groups/" + chatId + "/messages"))
        .header("content-type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("id", id).put("sender", sender)
            .put("name", sender).put("text", text).encode(), StandardCharsets.UTF_8)).build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonArray("replies").encode();
  }

  private JsonObject admin(String base, String method, String path, JsonObject body) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
        .header("content-type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)).build());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 201);
    return new JsonObject(r.body());
  }

  private HttpResponse<String> get(String url) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Tencent's sample callback body (WXBizMsgCrypt), signed with the sample token for the values above. */
  private static final String TENCENT_SAMPLE_MESSAGE = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
      + "<Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3Qczc"
      + "dCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHz"
      + "M6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrX"
      + "JB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H"
      + "3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
}

package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tuangou.bot.config.ConfigLoader;

/**
 * PostgreSQL or Redis going away for a moment: a second service reaches both through proxies that
 * the test cuts and restores. A refused message is a 503 the sender retries; no order is lost.
 */
class OutageTest {
  private static TcpProxy pg;
  private static TcpProxy redis;
  private static Service service;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Service shared = TestService.get().service();
    URI pgUri = URI.create(shared.postgresUrl());
    URI redisUri = URI.create(shared.redisUrl());
    pg = new TcpProxy(pgUri.getHost(), pgUri.getPort());
    redis = new TcpProxy(redisUri.getHost(), redisUri.getPort());
    String userInfo = pgUri.getUserInfo() == null ? "" : pgUri.getUserInfo() + "@";
    Map<String, String> env = Map.of(
        "TUANGOU_HTTP_PORT", "0",
        "TUANGOU_DATA_DIR", dataDir().toString(),
        "TUANGOU_ADMIN_TOKEN", TestService.TOKEN,
        "TUANGOU_SIM_ENABLED", "true",
        "TUANGOU_PG_URL", "postgresql://" + userInfo + "127.0.0.1:" + pg.port() + pgUri.getPath(),
        "TUANGOU_REDIS_URL", "redis://127.0.0.1:" + redis.port(),
        // the WeCom callback only (no sending): its retries must survive a database outage too
        "TUANGOU_WECOM_CORP_ID", TestService.WECOM_CORP_ID,
        "TUANGOU_WECOM_TOKEN", TestService.WECOM_TOKEN,
        "TUANGOU_WECOM_AES_KEY", TestService.WECOM_AES_KEY);
    service = Service.start(ConfigLoader.load(java.nio.file.Path.of("none.yaml"), env), Clock.systemUTC())
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private static java.nio.file.Path dataDir() throws java.io.IOException {
    java.nio.file.Path dir = Files.createTempDirectory("tuangou-outage");
    dir.toFile().deleteOnExit(); // holds only the admin token file when a token is configured
    return dir;
  }

  @AfterAll
  static void stop() throws Exception {
    service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    pg.close();
    redis.close();
  }

  private static int status(String method, String path, String body) {
    return call(method, path, body).statusCode();
  }

  private static HttpResponse<String> call(String method, String path, String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
          .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
          .header("Authorization", "Bearer " + TestService.TOKEN)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long campaign(String chat) {
    return campaign("sim", chat);
  }

  private static long campaign(String channel, String chat) {
    long leader = new JsonObject(call("POST", "/api/v1/leaders", "{\"name\": \"outage\"}").body()).getLong("id");
    long group = new JsonObject(call("POST", "/api/v1/groups", new JsonObject().put("channel", channel).put("chatId", chat)
        .put("name", "outage").put("leaderId", leader).encode()).body()).getLong("id");
    JsonObject c = new JsonObject().put("groups", new JsonArray().add(group)).put("items", new JsonArray()
        .add(new JsonObject().put("no", 1).put("id", "outage-apple").put("name", "烟台苹果")
            .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
        .add(new JsonObject().put("no", 2).put("id", "outage-banana").put("name", "海南香蕉")
            .put("aliases", new JsonArray().add("香蕉")).put("unit", "把").put("priceFen", 1290)));
    return new JsonObject(call("POST", "/api/v1/campaigns", c.encode()).body()).getLong("id");
  }

  private static String say(String chat, String id, String text) {
    return new JsonObject().put("id", id).put("sender", "u1").put("name", "张三").put("text", text).encode();
  }

  private static int lineCount(long campaign) {
    JsonArray orders = new JsonObject(call("GET", "/api/v1/campaigns/" + campaign + "/orders", null).body())
        .getJsonArray("orders");
    return orders.stream().mapToInt(o -> ((JsonObject) o).getJsonArray("lines").size()).sum();
  }

  @Test
  void postgresGoneForAMomentIs503AndTheRetryIsApplied() {
    String chat = TestService.chatId("pg-outage");
    long campaign = campaign(chat);
    assertThat(status("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-1", "苹果2斤"))).isEqualTo(200);
    pg.cut();
    try {
      HttpResponse<String> refused = call("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-2", "香蕉1把"));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("unavailable");
      assertThat(status("GET", "/health", null)).isEqualTo(503);
    } finally {
      pg.restore();
    }
    await().atMost(Duration.ofSeconds(30)).until(() ->
        status("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-2", "香蕉1把")) == 200);
    assertThat(lineCount(campaign)).isEqualTo(2);
  }

  @Test
  void weComRetryAfterADatabaseOutageIsStored() {
    String chat = "wr" + java.util.UUID.randomUUID().toString().replace("-", "");
    long campaign = campaign("wecom", chat);
    String callback = WeComCallbacks.text("wm-resident-1", String.valueOf(System.nanoTime()), "苹果2斤", chat);
    String base = "http://127.0.0.1:" + service.port();
    pg.cut();
    try {
      assertThat(WeComCallbacks.deliver(base, WeComCallbacks.WECOM, callback).statusCode())
          .as("not stored, so not acknowledged: WeCom retries").isEqualTo(503);
    } finally {
      pg.restore();
    }
    // WeCom's retry: the same callback, which must now be stored rather than taken for a repeat
    await().atMost(Duration.ofSeconds(30)).until(() ->
        WeComCallbacks.deliver(base, WeComCallbacks.WECOM, callback).body().equals("success"));
    await().atMost(Duration.ofSeconds(15)).until(() -> lineCount(campaign) == 1);
    assertThat(WeComCallbacks.deliver(base, WeComCallbacks.WECOM, callback).body()).isEqualTo("success");
    assertThat(lineCount(campaign)).as("a later repeat adds nothing").isEqualTo(1);
  }

  private static long millis(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void postgresBlackholedIs503WithinSecondsAndHealthSaysPostgresIsDownWithinTwo() {
    String chat = TestService.chatId("pg-drop");
    long campaign = campaign(chat);
    assertThat(status("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-1", "苹果2斤"))).isEqualTo(200);
    pg.drop();
    try {
      long t0 = System.nanoTime();
      HttpResponse<String> refused = call("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-2", "香蕉1把"));
      long took = (System.nanoTime() - t0) / 1_000_000;
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(took).as("ms until the refusal, packets dropped").isLessThan(12_000);
      HttpResponse<String>[] listed = new HttpResponse[1];
      assertThat(millis(() -> listed[0] = call("GET", "/api/v1/campaigns", null))).isLessThan(12_000);
      assertThat(listed[0].statusCode()).as(listed[0].body()).isEqualTo(503);
      assertThat(new JsonObject(listed[0].body()).getString("error")).isEqualTo("unavailable");
      HttpResponse<String>[] health = new HttpResponse[1];
      assertThat(millis(() -> health[0] = call("GET", "/health", null))).as("ms for /health").isLessThan(2_500);
      assertThat(health[0].statusCode()).isEqualTo(503);
      assertThat(new JsonObject(health[0].body()).getString("postgres")).isEqualTo("DOWN");
      assertThat(new JsonObject(health[0].body()).getString("redis")).isEqualTo("UP");
    } finally {
      pg.restore();
    }
    // the sender retries the same id: applied once
    await().atMost(Duration.ofSeconds(30)).until(() ->
        status("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-2", "香蕉1把")) == 200);
    assertThat(status("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-2", "香蕉1把"))).isEqualTo(200);
    assertThat(lineCount(campaign)).isEqualTo(2);
  }

  @Test
  void campaignListIs503WhilePostgresIsCut() {
    pg.cut();
    try {
      HttpResponse<String> r = call("GET", "/api/v1/campaigns", null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("unavailable");
    } finally {
      pg.restore();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> status("GET", "/api/v1/campaigns", null) == 200);
  }

  @Test
  void redisBlackholedSlowsNoMessageAndTheMetricsSaySo() {
    String chat = "wr" + java.util.UUID.randomUUID().toString().replace("-", "");
    long campaign = campaign("wecom", chat);
    String base = "http://127.0.0.1:" + service.port();
    redis.drop();
    try {
      long slowest = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < 12; i++) {
        String callback = WeComCallbacks.text("wm-drop-" + i, chat + "-" + i, "苹果1斤", chat);
        long s = System.nanoTime();
        assertThat(WeComCallbacks.deliver(base, WeComCallbacks.WECOM, callback).body()).isEqualTo("success");
        slowest = Math.max(slowest, (System.nanoTime() - s) / 1_000_000);
      }
      long total = (System.nanoTime() - t0) / 1_000_000;
      // at most the breaker's 250 ms a call until it opens after three failures, nothing after
      // without the breaker each callback could wait seconds on Redis's own timeout (10 s at worst in the fault table)
      assertThat(slowest).as("slowest callback, ms").isLessThan(2_000);
      assertThat(total).as("12 callbacks, ms").isLessThan(6_000);
      HttpResponse<String>[] health = new HttpResponse[1];
      assertThat(millis(() -> health[0] = call("GET", "/health", null))).as("ms for /health").isLessThan(2_500);
      assertThat(new JsonObject(health[0].body()).getString("redis")).isEqualTo("DOWN");
      assertThat(new JsonObject(health[0].body()).getString("postgres")).isEqualTo("UP");
      String metrics = call("GET", "/metrics", null).body();
      assertThat(metrics).contains("tuangou_redis_breaker_open 1.0");
      assertThat(metric(metrics, "tuangou_redis_calls_skipped_total")).isGreaterThan(0);
    } finally {
      redis.restore();
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> lineCount(campaign) == 12);
    await().atMost(Duration.ofSeconds(30)).until(() -> status("GET", "/health", null) == 200);
  }

  private static double metric(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void redisGoneLosesNoOrder() {
    String chat = TestService.chatId("redis-outage");
    long campaign = campaign(chat);
    redis.cut();
    try {
      assertThat(status("POST", "/sim/groups/" + chat + "/messages", say(chat, chat + "-1", "苹果2斤"))).isEqualTo(200);
      assertThat(lineCount(campaign)).isEqualTo(1);
      await().atMost(Duration.ofSeconds(15)).until(() -> status("GET", "/health", null) == 503);
    } finally {
      redis.restore();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> status("GET", "/health", null) == 200);
  }
}

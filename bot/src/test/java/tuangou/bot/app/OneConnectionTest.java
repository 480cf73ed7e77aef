package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.Test;
import tuangou.bot.config.ConfigLoader;

/**
 * Everything a message does goes through its group's transaction, so the message path needs one
 * connection and no more. The test holds one of a pool of two, and every chat command and
 * after-sales message is still answered: a step that took a second connection would wait for ever
 * behind its own transaction. (The scheduler needs two, so its jobs run once the test lets go.)
 */
class OneConnectionTest {
  private static final String TOKEN = "one-connection-token";
  private static Service service;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestService.ownDatabase("one_connection", TOKEN);
    Path data = Path.of(env.get("TUANGOU_DATA_DIR"));
    Path yaml = data.resolve("tuangou.yaml");
    String shipped = Files.readString(Path.of("../conf/tuangou.yaml"));
    assertThat(shipped).contains("poolSize: 8");
    Files.writeString(yaml, shipped.replace("poolSize: 8", "poolSize: 2").replace("schedulerTickMs: 1000",
        "schedulerTickMs: 200").replace("outboxPollMs: 500", "outboxPollMs: 100")
        // nothing else due while the test holds a connection: no evening report, no settlement run
        .replace("eveningAt: \"21:00\"", "eveningAt: \"\"").replace("runEveryMs: 60000", "runEveryMs: 86400000"));
    service = Service.start(ConfigLoader.load(yaml, env), Clock.systemUTC()).toCompletionStage().toCompletableFuture()
        .get(120, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.stop().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void aWholeEveningOfCommandsRunsOnAPoolOfOne() {
    String chat = "one-" + UUID.randomUUID();
    long leader = call("POST", "/api/v1/leaders", new JsonObject().put("name", "周团长"), 201).getLong("id");
    long group = call("POST", "/api/v1/groups", new JsonObject().put("channel", "sim").put("chatId", chat)
        .put("name", "幸福里1群").put("leaderId", leader).put("leaderUser", "lead"), 201).getLong("id");
    call("POST", "/api/v1/campaigns", new JsonObject().put("campaign", "周三团").put("announce", false)
        .put("groups", new JsonArray().add(group))
        .put("items", new JsonArray().add(new JsonObject().put("no", 1).put("id", "one-apple-" + group)
            .put("name", "烟台苹果").put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))),
        201);

    SqlConnection held = service.pool().getConnection().await();
    try {
      evening(chat);
    } finally {
      held.close().await();
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(privately("lead"))
        .anyMatch(t -> t.contains("申请售后")).anyMatch(t -> t.contains("截单汇总")).anyMatch(t -> t.contains("佣金日报")));
    assertThat(privately("u1")).anyMatch(t -> t.matches("(?s).*取货码 \\d{6}.*"));
  }

  private static void evening(String chat) {
    assertThat(say(chat, "u1", "张三", "苹果2斤")).anyMatch(t -> t.contains("已记下"));
    assertThat(say(chat, "u2", "李四", "苹果坏了一个，能退款吗")).anyMatch(t -> t.contains("已转告团长"));
    assertThat(say(chat, "lead", "周团长", "截单")).anyMatch(t -> t.contains("已截单"));
    assertThat(say(chat, "lead", "周团长", "到货")).anyMatch(t -> t.contains("到货通知已发"));
    assertThat(say(chat, "u1", "张三", "取货码")).containsExactly("@张三 取货码已私信发您");
    assertThat(say(chat, "lead", "周团长", "核销 张三")).anyMatch(t -> t.startsWith("已核销"));
    assertThat(say(chat, "lead", "周团长", "未取")).anyMatch(t -> t.contains("大家都取货啦"));
    assertThat(say(chat, "lead", "周团长", "佣金")).anyMatch(t -> t.contains("私信"));
  }

  private static List<String> say(String chat, String sender, String name, String text) {
    JsonObject r = call("POST", "/sim/groups/" + chat + "/messages", new JsonObject().put("sender", sender)
        .put("name", name).put("text", text), 200);
    return r.getJsonArray("replies").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static List<String> privately(String user) {
    return call("GET", "/sim/users/" + user + "/messages", null, 200).getJsonArray("messages").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static JsonObject call(String method, String path, Object body, int expected) {
    return TestService.callOwn(service, TOKEN, method, path, body, expected);
  }
}

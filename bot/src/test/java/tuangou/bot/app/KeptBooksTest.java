package tuangou.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tuangou.bot.config.Config;
import tuangou.bot.config.ConfigLoader;

/**
 * Each instance keeps the order books of the groups it processed between messages. Two instances
 * on one database take turns on the same group: each must see what the other wrote, never the
 * book it kept from before.
 */
class KeptBooksTest {
  private static final String TOKEN = "kept-books-token";
  private static Service a;
  private static Service b;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestService.ownDatabase("kept_books", TOKEN);
    Config config = ConfigLoader.load(Path.of("../conf/tuangou.yaml"), env);
    a = Service.start(config, Clock.systemUTC()).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    b = Service.start(config, Clock.systemUTC()).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    for (Service s : new Service[] {a, b}) {
      if (s != null) {
        s.stop().toCompletionStage().toCompletableFuture().join();
      }
    }
  }

  @Test
  void anInstanceSeesTheOrdersAnotherWroteSinceItsOwnLastMessage() {
    long alternating = campaign("kept-alternating");
    long alone = campaign("kept-alone");
    String[][] script = {
        {"u1", "张三", "苹果2斤"},
        {"u1", "张三", "苹果改成5斤"},
        {"u2", "李四", "香蕉1把"},
        {"u1", "张三", "苹果再来1斤"},
        {"u2", "李四", "取消香蕉"},
        {"u2", "李四", "苹果3斤"},
        {"u3", "赵六", "#接龙\n1. 张三 苹果6斤\n2. 赵六 香蕉2把"},
        {"u3", "赵六", "#接龙\n1. 张三 苹果6斤\n2. 赵六 香蕉2把\n3. 周七 苹果1斤"},
        {"u3", "赵六", "#接龙\n1. 张三 苹果6斤\n2. 赵六 香蕉3把\n3. 周七 苹果1斤"}};
    for (int i = 0; i < script.length; i++) {
      String[] m = script[i];
      // every message on the other instance than the one before
      say(i % 2 == 0 ? a : b, "kept-alternating", m[0], m[1], m[2]);
      say(a, "kept-alone", m[0], m[1], m[2]);
    }

    Map<String, BigDecimal> taken = quantities(alternating);
    assertThat(taken).as("the same orders as one instance took alone").isEqualTo(quantities(alone));
    assertThat(taken).as("张三's apples: 2, changed to 5, one more").containsEntry("u1 kept-apple", new BigDecimal("6"))
        .containsEntry("u2 kept-apple", new BigDecimal("3")).doesNotContainKey("u2 kept-banana");
  }

  private long campaign(String chat) {
    long leader = call(a, "POST", "/leaders", new JsonObject().put("name", "王姐"), 201).getLong("id");
    long group = call(a, "POST", "/groups", new JsonObject().put("channel", "sim").put("chatId", chat)
        .put("name", "阳光花园").put("leaderId", leader).put("leaderUser", "lead"), 201).getLong("id");
    return call(a, "POST", "/campaigns", new JsonObject().put("groups", new JsonArray().add(group))
        .put("announce", false).put("items", new JsonArray()
            .add(new JsonObject().put("no", 1).put("id", "kept-apple").put("name", "烟台苹果")
                .put("aliases", new JsonArray().add("苹果")).put("unit", "斤").put("priceFen", 690))
            .add(new JsonObject().put("no", 2).put("id", "kept-banana").put("name", "海南香蕉")
                .put("aliases", new JsonArray().add("香蕉")).put("unit", "把").put("priceFen", 1290))), 201)
        .getLong("id");
  }

  /** Active quantities by customer and product, as the admin API lists them. */
  private static Map<String, BigDecimal> quantities(long campaign) {
    Map<String, BigDecimal> out = new HashMap<>();
    JsonArray orders = call(b, "GET", "/campaigns/" + campaign + "/orders", null, 200).getJsonArray("orders");
    for (Object o : orders) {
      JsonObject order = (JsonObject) o;
      for (Object l : order.getJsonArray("lines")) {
        JsonObject line = (JsonObject) l;
        out.merge(order.getString("customer") + " " + line.getString("item"), new BigDecimal(line.getValue("qty")
            .toString()), BigDecimal::add);
      }
    }
    out.replaceAll((k, v) -> v.stripTrailingZeros());
    return out;
  }

  private static List<String> say(Service on, String chat, String sender, String name, String text) {
    JsonObject r = call(on, "POST", "/sim/groups/" + chat + "/messages", new JsonObject().put("sender", sender)
        .put("name", name).put("text", text), 200);
    return r.getJsonArray("replies").stream().map(o -> ((JsonObject) o).getString("text")).toList();
  }

  private static JsonObject call(Service on, String method, String path, Object body, int expected) {
    return TestService.callOwn(on, TOKEN, method, (path.startsWith("/sim") ? "" : "/api/v1") + path, body, expected);
  }
}
